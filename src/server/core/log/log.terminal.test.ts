import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginAs, testApp } from '../../testing/test-app.js';
import { terminalLogStream } from './log.terminal.js';
import { createLogger } from './logger.js';

test('on a terminal the log is readable lines, not JSON, and requests do not scroll the banner away', async () => {
  let out = '';
  const logger = createLogger(
    'info',
    terminalLogStream((text) => (out += text), false),
  );
  const a = await testApp({}, { logger });
  try {
    logger.warn({ keyFile: '/srv/renkei/renkei.keys.json' }, 'encryption key created: back it up separately from the database');
    const before = out;
    const s = await loginAs(a.app, 'chuo.sato');
    for (let i = 0; i < 5; i++) assert.equal((await a.app.inject({ url: '/api/auth/me', headers: s.headers() })).statusCode, 200);
    assert.equal(out.slice(before.length).match(/request completed|incoming request/g), null, 'no line per routine request');
    const lines = out.split('\n').filter(Boolean);
    assert.ok(lines.length > 0);
    for (const line of lines) assert.doesNotThrow(() => assert.ok(!line.trimStart().startsWith('{')), line);
    assert.match(out, /WARN.*encryption key created: back it up separately from the database/);
    assert.match(out, /keyFile.*\/srv\/renkei\/renkei\.keys\.json/, 'fields stay on the line');
    assert.match(out, /^\[\d\d:\d\d:\d\d\]/m, 'local time first');
  } finally {
    await a.close();
  }
});

test('on a terminal credentials stay redacted and refused requests still show', async () => {
  let out = '';
  const logger = createLogger(
    'info',
    terminalLogStream((text) => (out += text), false),
  );
  logger.info({ password: 'hunter2-hunter2', token: 'rk_abcdef' }, 'login attempt');
  assert.ok(!out.includes('hunter2') && !out.includes('rk_abcdef'), out);
  assert.match(out, /\[秘匿\]/);
  logger.warn({ res: { statusCode: 429 }, msg: 'request completed' });
  assert.match(out, /WARN.*request completed/, 'a warning about a request is kept');
});
