import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CSRF_HEADER } from '../../../contracts/auth.contracts.js';
import { loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { DEMO_PASSWORD } from '../org/index.js';
import { purgeExpiredSessions } from './auth.jobs.js';

let a: TestApp;
before(async () => {
  a = await testApp();
});
after(() => a.close());

async function auditCount(action: string, outcome: string): Promise<number> {
  const rows = await a.db.kysely
    .selectFrom('audit_event')
    .select('id')
    .where('action', '=', action)
    .where('outcome', '=', outcome)
    .execute();
  return rows.length;
}

test('login sets an httpOnly SameSite=Strict cookie and returns who you are', async () => {
  const r = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'chuo.sato', password: DEMO_PASSWORD } });
  assert.equal(r.statusCode, 200);
  const c = r.cookies.find((x) => x.name === 'renkei_session');
  assert.ok(c);
  assert.equal(c.httpOnly, true);
  assert.equal(c.sameSite, 'Strict');
  const body = r.json();
  assert.equal(body.user.displayName, '佐藤 健一');
  assert.equal(body.user.unit.name, '仙台中央警察署');
  assert.equal(body.user.role, 'stationOfficer');
});

test('a wrong password and an unknown account get the same Japanese answer, and both are audited', async () => {
  const before = await auditCount('auth.login', 'failure');
  const wrong = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'chuo.sato', password: 'nope' } });
  const ghost = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'no.such.user', password: 'nope' } });
  assert.equal(wrong.statusCode, 401);
  assert.equal(ghost.statusCode, 401);
  assert.deepEqual({ ...wrong.json().error, requestId: '' }, { ...ghost.json().error, requestId: '' });
  assert.match(wrong.json().error.message, /^ログインIDまたはパスワードが正しくありません/);
  assert.equal(await auditCount('auth.login', 'failure'), before + 2);
});

test('each login gets a new session token: a token planted before login is never used after it', async () => {
  const planted = 'renkei_session=attacker-chosen-value';
  const r = await a.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie: planted },
    payload: { loginId: 'chuo.sato', password: DEMO_PASSWORD },
  });
  const c = r.cookies.find((x) => x.name === 'renkei_session');
  assert.ok(c && c.value !== 'attacker-chosen-value');
  const me = await a.app.inject({ url: '/api/auth/me', headers: { cookie: planted } });
  assert.equal(me.statusCode, 401);
  const x = await loginAs(a.app, 'chuo.sato');
  const y = await loginAs(a.app, 'chuo.sato');
  assert.notEqual(x.cookie, y.cookie);
});

test('GET /api/auth/me needs a session; forged and garbage cookies are anonymous', async () => {
  for (const cookie of [undefined, 'renkei_session=forged', `renkei_session=${'x'.repeat(500)}`]) {
    const r = await a.app.inject({ url: '/api/auth/me', headers: cookie ? { cookie } : {} });
    assert.equal(r.statusCode, 401);
    assert.equal(r.json().error.code, 'auth.unauthenticated');
  }
});

test('a state-changing request without the CSRF token is refused; with it, logout ends the session', async () => {
  const s = await loginAs(a.app, 'cyber.watanabe');
  const noToken = await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
  assert.equal(noToken.statusCode, 403);
  assert.equal(noToken.json().error.code, 'auth.csrf_invalid');
  const wrong = await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, [CSRF_HEADER]: 'guess' } });
  assert.equal(wrong.statusCode, 403);
  assert.equal((await a.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode, 200);
  const ok = await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers() });
  assert.equal(ok.statusCode, 200);
  assert.equal((await a.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode, 401);
});

test('a session idle past its limit is refused and purged', async () => {
  const s = await loginAs(a.app, 'ishinomaki.suzuki');
  const old = new Date(Date.now() - (a.config.session.idleMinutes + 1) * 60_000).toISOString();
  await a.db.kysely.updateTable('session').set({ last_seen_at: old }).where('user_id', '=', s.info.user.id).execute();
  assert.equal((await a.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode, 401);
  const left = await a.db.kysely.selectFrom('session').select('id_hash').where('user_id', '=', s.info.user.id).execute();
  assert.equal(left.length, 0);
});

test('a session past its absolute expiry is refused even when active', async () => {
  const s = await loginAs(a.app, 'furukawa.ito');
  await a.db.kysely
    .updateTable('session')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .where('user_id', '=', s.info.user.id)
    .execute();
  assert.equal((await a.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode, 401);
});

test('the purge job removes expired sessions and keeps live ones', async () => {
  const live = await loginAs(a.app, 'seikei.nakamura');
  const dead = await loginAs(a.app, 'csirt.kato');
  await a.db.kysely
    .updateTable('session')
    .set({ expires_at: '2000-01-01T00:00:00.000Z' })
    .where('user_id', '=', dead.info.user.id)
    .execute();
  assert.ok((await purgeExpiredSessions(a.db, a.config.session)) >= 1);
  assert.equal((await a.app.inject({ url: '/api/auth/me', headers: { cookie: live.cookie } })).statusCode, 200);
});

test('the session token is stored only as a hash', async () => {
  const s = await loginAs(a.app, 'exec.yamada');
  const token = s.cookie.split('=')[1] as string;
  const rows = await a.db.kysely.selectFrom('session').selectAll().where('user_id', '=', s.info.user.id).execute();
  assert.ok(rows.length > 0);
  for (const r of rows) assert.ok(!Object.values(r).includes(token));
});
