import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../testing/test-app.js';
import { assertRoutesDeclareAccess } from './http.server.js';

let a: TestApp;
before(async () => {
  a = await testApp({ bodyLimit: 4096 });
});
after(() => a.close());

test('/healthz answers and /readyz reports the database and migrations', async () => {
  assert.deepEqual((await a.app.inject('/healthz')).json(), { status: 'ok' });
  const r = await a.app.inject('/readyz');
  assert.equal(r.statusCode, 200);
  const body = r.json();
  assert.equal(body.status, 'ready');
  assert.equal(body.database.reachable, true);
  assert.equal(body.migrations.current, true);
});

test('unknown fields are rejected with 400 and the field path', async () => {
  const r = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'a', password: 'b', admin: true } });
  assert.equal(r.statusCode, 400);
  const e = r.json().error;
  assert.equal(e.code, 'http.validation_failed');
  assert.match(e.message, /入力内容/);
  assert.ok(e.details.some((d: { path: string }) => d.path.startsWith('body')));
});

test('a missing field names its path', async () => {
  const r = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'a' } });
  assert.equal(r.statusCode, 400);
  assert.ok(r.json().error.details.some((d: { path: string }) => d.path === 'body.password'));
});

test('malformed JSON, a wrong content type and an oversized body get dotted 4xx codes', async () => {
  const bad = await a.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: '{"loginId":',
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'http.malformed_json');
  // A byte that is not UTF-8 is refused, not stored as U+FFFD.
  const latin1 = await a.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: Buffer.concat([Buffer.from('{"loginId":"yamada'), Buffer.from([0xff, 0xfe]), Buffer.from('","password":"x"}')]),
  });
  assert.equal(latin1.statusCode, 400);
  assert.equal(latin1.json().error.code, 'http.invalid_utf8');
  const poisoned = await a.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: '{"loginId":"x","password":"y","__proto__":{"admin":true}}',
  });
  assert.equal(poisoned.statusCode, 400, 'prototype poisoning is still refused');
  const text = await a.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
  assert.equal(text.statusCode, 415);
  assert.equal(text.json().error.code, 'http.unsupported_media_type');
  const big = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'x', password: 'y'.repeat(10_000) } });
  assert.equal(big.statusCode, 413);
  assert.equal(big.json().error.code, 'http.body_too_large');
});

test('an unknown API URL is a JSON 404 in Japanese', async () => {
  const r = await a.app.inject('/api/nothing-here');
  assert.equal(r.statusCode, 404);
  assert.equal(r.json().error.code, 'http.not_found');
  assert.match(r.json().error.message, /存在しません/);
});

test('responses carry a request id and security headers; API responses are not cached', async () => {
  const r = await a.app.inject('/api/version');
  assert.match(String(r.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.match(String(r.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(r.headers['cache-control'], 'no-store');
});

test('a client cannot choose its own request id', async () => {
  const r = await a.app.inject({ url: '/healthz', headers: { 'request-id': 'forged', 'x-request-id': 'forged' } });
  assert.notEqual(r.headers['x-request-id'], 'forged');
});

test('OpenAPI 3.1 is generated from the route schemas and served under /api/docs', async () => {
  const r = await a.app.inject('/api/docs/json');
  assert.equal(r.statusCode, 200);
  const doc = r.json();
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/api/auth/login'].post.requestBody);
  assert.equal((await a.app.inject('/api/docs/')).statusCode, 200);
});

test('every registered route declares who may call it', () => {
  for (const r of a.routes) {
    if (r.method === 'HEAD' || r.url.startsWith('/api/docs')) continue;
    assert.ok(r.access, `${r.method} ${r.url}`);
  }
});

test('the server refuses to start when a route declares no access', () => {
  assert.throws(() => assertRoutesDeclareAccess([{ method: 'GET', url: '/api/leak' }]), /GET \/api\/leak/);
  assert.doesNotThrow(() => assertRoutesDeclareAccess([{ method: 'GET', url: '/api/ok', access: 'public' }]));
});
