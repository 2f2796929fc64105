import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { loginAs, testApp } from '../../testing/test-app.js';
import { createLogger, redactUrl } from './logger.js';

test('query values are hidden in logged URLs, their names kept', () => {
  assert.equal(redactUrl('/api/intake/consultations?q=09012345678&unit=abc'), '/api/intake/consultations?q=[秘匿]&unit=[秘匿]');
  assert.equal(redactUrl('/api/indicators/lookup?type=phone&value=%2B819012345678'), '/api/indicators/lookup?type=[秘匿]&value=[秘匿]');
  assert.equal(redactUrl('/healthz'), '/healthz');
});

test('a search for a phone number or a name leaves neither in the server log', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const a = await testApp({}, { logger: createLogger('info', sink) });
  try {
    const s = await loginAs(a.app, 'cyber.watanabe');
    const r = await a.app.inject({
      url: `/api/intake/consultations?q=${encodeURIComponent('山田太郎 090-1234-5678')}`,
      headers: s.headers(),
    });
    assert.equal(r.statusCode, 200, r.body);
    await a.app.inject({ url: '/api/indicators/lookup?type=phone&value=09012345678', headers: s.headers() });
    const log = lines.join('');
    assert.match(log, /\/api\/intake\/consultations\?q=\[秘匿\]/, 'the request is logged, its query hidden');
    for (const secret of [
      '090-1234-5678',
      '09012345678',
      encodeURIComponent('090-1234'),
      '山田',
      encodeURIComponent('山田'),
      'renkei-demo-2026',
    ])
      assert.ok(!log.includes(secret), secret);
  } finally {
    await a.close();
  }
});
