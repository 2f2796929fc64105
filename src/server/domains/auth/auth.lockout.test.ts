import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { DEMO_PASSWORD } from '../org/index.js';

// A high limit, so the counter itself can be read: every parallel failure must count.
const MAX = 20;
let a: TestApp;
before(async () => {
  a = await testApp({ lockout: { maxFailures: MAX, minutes: 15 } });
});
after(() => a.close());

const account = (loginId: string) =>
  a.db.kysely
    .selectFrom('app_user')
    .select(['id', 'failed_logins', 'locked_until'])
    .where('login_id', '=', loginId)
    .executeTakeFirstOrThrow();

const events = (action: string, outcome: string, target: string) =>
  a.db.kysely
    .selectFrom('audit_event')
    .select('id')
    .where('action', '=', action)
    .where('outcome', '=', outcome)
    .where('target_id', '=', target)
    .execute();

test('item 12: twelve parallel wrong passwords count twelve (counted atomically in the database)', async () => {
  const rs = await Promise.all(
    Array.from({ length: 12 }, () =>
      a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'chuo.sato', password: 'wrong' } }),
    ),
  );
  for (const r of rs) assert.equal(r.statusCode, 401);
  const u = await account('chuo.sato');
  assert.equal(u.failed_logins, 12);
  assert.equal((await events('auth.login', 'failure', u.id)).length, 12);
});

test('item 12: wrong current passwords at password change count toward the same lockout, are audited, and lock', async () => {
  const s = await loginAs(a.app, 'ishinomaki.suzuki');
  const change = (currentPassword: string) =>
    a.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.headers(),
      payload: { currentPassword, newPassword: 'tsunami-hinan-keikaku-2026' },
    });
  const wrongLogins = await Promise.all(
    Array.from({ length: 10 }, () =>
      a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'ishinomaki.suzuki', password: 'wrong' } }),
    ),
  );
  for (const r of wrongLogins) assert.equal(r.statusCode, 401);
  const wrongChanges = await Promise.all(Array.from({ length: MAX - 10 }, (_, i) => change(`guess-${i}`)));
  for (const r of wrongChanges) assert.equal(r.json().error.code, 'auth.password_wrong_current');
  const u = await account('ishinomaki.suzuki');
  assert.equal((await events('auth.password_change', 'failure', u.id)).length, MAX - 10, 'each wrong current password is audited');
  assert.equal((await events('auth.lockout', 'success', u.id)).length, 1, 'the twentieth failure locks, once');
  assert.ok(u.locked_until && u.locked_until > new Date().toISOString());
  // Locked: not even the right current password is tried, and login with it is refused.
  const locked = await change(DEMO_PASSWORD);
  assert.equal(locked.statusCode, 429);
  assert.equal(locked.json().error.code, 'auth.reauth_locked');
  const login = await a.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { loginId: 'ishinomaki.suzuki', password: DEMO_PASSWORD },
  });
  assert.equal(login.statusCode, 401);
});

test('item 12: the password-change endpoint is rate-limited like login', async () => {
  const limited = await testApp({ loginRatePerMinute: 3 });
  try {
    const s = await loginAs(limited.app, 'furukawa.ito');
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: s.headers(),
        payload: { currentPassword: `guess-${i}`, newPassword: 'tsunami-hinan-keikaku-2026' },
      });
      codes.push(r.statusCode);
    }
    assert.deepEqual(codes, [400, 400, 400, 429]);
  } finally {
    await limited.close();
  }
});
