import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_PASSWORD, loginAs, secondFactorCode, type TestApp, testApp } from '../../testing/test-app.js';
import { DEMO_PASSWORD } from '../org/index.js';
import { currentTotp } from './auth.totp.js';

let a: TestApp;
before(async () => {
  a = await testApp({ lockout: { maxFailures: 3, minutes: 15 } });
});
after(() => a.close());

const login = (loginId: string, password: string) =>
  a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId, password } });

test('repeated failures lock the account; the lock looks like any failure and is audited', async () => {
  for (let i = 0; i < 3; i++) assert.equal((await login('furukawa.ito', 'wrong')).statusCode, 401);
  const locked = await login('furukawa.ito', DEMO_PASSWORD);
  assert.equal(locked.statusCode, 401, 'the right password does not open a locked account');
  assert.equal(locked.json().error.code, 'auth.invalid_credentials');
  const lockEvents = await a.db.kysely.selectFrom('audit_event').select('id').where('action', '=', 'auth.lockout').execute();
  assert.equal(lockEvents.length, 1);
  // An administrator unlocks by clearing the lock; then the password works again.
  await a.db.kysely.updateTable('app_user').set({ locked_until: null }).where('login_id', '=', 'furukawa.ito').execute();
  assert.equal((await login('furukawa.ito', DEMO_PASSWORD)).statusCode, 200);
});

test('a role that requires a second factor is held at enrolment until it has one', async () => {
  const agent = await loginAs(a.app, 'csirt.kato', DEMO_PASSWORD, { enrol: false });
  assert.equal(agent.info.user.mfaEnrolmentRequired, true);
  const blocked = await a.app.inject({ url: '/api/audit/events', headers: agent.headers() });
  assert.equal(blocked.statusCode, 403);
  assert.equal(blocked.json().error.code, 'auth.mfa_enrolment_required');
  assert.equal((await a.app.inject({ url: '/api/auth/me', headers: agent.headers() })).statusCode, 200);
});

test('TOTP: enrolment, login with a code, the same code refused a second time, recovery codes once each', async () => {
  const first = await loginAs(a.app, 'cyber.yamamoto', DEMO_PASSWORD, { enrol: false });
  const setup = await a.app.inject({ method: 'POST', url: '/api/auth/mfa/totp/setup', headers: first.headers() });
  assert.equal(setup.statusCode, 200);
  const { secret, otpauthUrl, qrDataUrl } = setup.json();
  assert.match(otpauthUrl, /^otpauth:\/\/totp\//);
  assert.match(qrDataUrl, /^data:image\/svg\+xml;base64,/);
  const stored = await a.db.kysely
    .selectFrom('app_user')
    .select('totp_pending_enc')
    .where('login_id', '=', 'cyber.yamamoto')
    .executeTakeFirstOrThrow();
  assert.ok(stored.totp_pending_enc?.startsWith('enc1:') && !stored.totp_pending_enc.includes(secret), 'secret stored encrypted');
  const bad = await a.app.inject({
    method: 'POST',
    url: '/api/auth/mfa/totp/confirm',
    headers: first.headers(),
    payload: { code: '000000' },
  });
  assert.equal(bad.statusCode, 401);
  const confirm = await a.app.inject({
    method: 'POST',
    url: '/api/auth/mfa/totp/confirm',
    headers: first.headers(),
    payload: { code: await currentTotp(secret) },
  });
  assert.equal(confirm.statusCode, 200);
  const recovery: string[] = confirm.json().recoveryCodes;
  assert.equal(recovery.length, 10);

  // The enrolment code's time step is used: the next login needs a later code (the following step).
  const next = await currentTotp(secret, new Date(Date.now() + 30_000));
  const step1 = await login('cyber.yamamoto', DEMO_PASSWORD);
  assert.equal(step1.json().next, 'totp');
  const ok = await a.app.inject({
    method: 'POST',
    url: '/api/auth/login/totp',
    payload: { challenge: step1.json().challenge, code: next },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().next, 'done');

  const step2 = await login('cyber.yamamoto', DEMO_PASSWORD);
  const replay = await a.app.inject({
    method: 'POST',
    url: '/api/auth/login/totp',
    payload: { challenge: step2.json().challenge, code: next },
  });
  assert.equal(replay.statusCode, 401);
  assert.equal(replay.json().error.code, 'auth.totp_invalid');

  const code = recovery[0] as string;
  const viaRecovery = await a.app.inject({
    method: 'POST',
    url: '/api/auth/login/totp',
    payload: { challenge: step2.json().challenge, code },
  });
  assert.equal(viaRecovery.statusCode, 200);
  const step3 = await login('cyber.yamamoto', DEMO_PASSWORD);
  const again = await a.app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challenge: step3.json().challenge, code } });
  assert.equal(again.statusCode, 401, 'a recovery code works once');
});

test('a forged or expired challenge is refused', async () => {
  const r = await a.app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challenge: 'forged', code: '123456' } });
  assert.equal(r.statusCode, 401);
  assert.equal(r.json().error.code, 'auth.challenge_expired');
});

test('password policy: length, login ID, common and repetitive passwords, the last five passwords; a change ends every other session', async () => {
  const s1 = await loginAs(a.app, 'kyoyo.yoshida');
  const s2 = await loginAs(a.app, 'kyoyo.yoshida');
  const change = (current: string, next: string, headers = s1.headers()) =>
    a.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { currentPassword: current, newPassword: next } });
  assert.equal((await change('wrong', 'long-enough-password-1')).json().error.code, 'auth.password_wrong_current');
  assert.equal((await change(DEMO_PASSWORD, 'short')).json().error.code, 'auth.password_too_short');
  assert.equal((await change(DEMO_PASSWORD, 'xx-kyoyo.yoshida-xx')).json().error.code, 'auth.password_same_as_login');
  assert.equal((await change(DEMO_PASSWORD, DEMO_PASSWORD)).json().error.code, 'auth.password_reused');
  for (const weak of ['aaaaaaaaaaaa', 'password1234', '123456789012', 'qwertyuiopas', 'abcabcabcabc', 'sakura123456', 'iloveyou1234'])
    assert.equal((await change(DEMO_PASSWORD, weak)).json().error.code, 'auth.password_weak', weak);
  const ok = await change(DEMO_PASSWORD, 'a-new-password-2026');
  assert.equal(ok.statusCode, 200);
  const fresh = ok.cookies.find((c) => c.name === 'renkei_session');
  assert.ok(fresh);
  assert.equal((await a.app.inject({ url: '/api/auth/me', headers: { cookie: s2.cookie } })).statusCode, 401, 'other sessions ended');
  assert.equal(
    (await a.app.inject({ url: '/api/auth/me', headers: { cookie: s1.cookie } })).statusCode,
    401,
    'the old cookie is rotated out',
  );
  const headers = { cookie: `renkei_session=${fresh.value}`, 'x-csrf-token': ok.json().csrfToken };
  assert.equal((await change('a-new-password-2026', DEMO_PASSWORD, headers)).json().error.code, 'auth.password_reused');
});

test('sessions: list own, revoke one, log out everywhere', async () => {
  const s1 = await loginAs(a.app, 'exec.yamada');
  const s2 = await loginAs(a.app, 'exec.yamada');
  const list = (await a.app.inject({ url: '/api/auth/sessions', headers: s1.headers() })).json().items as {
    id: string;
    current: boolean;
  }[];
  assert.ok(list.length >= 2);
  assert.equal(list.filter((x) => x.current).length, 1);
  const other = list.find((x) => !x.current) as { id: string };
  assert.equal((await a.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: s1.headers() })).statusCode, 200);
  const s3 = await loginAs(a.app, 'exec.yamada');
  const all = await a.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: s1.headers() });
  assert.equal(all.statusCode, 200);
  for (const s of [s1, s2, s3]) assert.equal((await a.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode, 401);
});

test('API tokens: shown once, stored hashed, scoped, no CSRF needed, revocable, expiring', async () => {
  const admin = await loginAs(a.app, 'admin');
  const reauth = () => ({ currentPassword: ADMIN_PASSWORD, currentCode: secondFactorCode(a.app, 'admin') });
  const created = await a.app.inject({
    method: 'POST',
    url: '/api/auth/tokens',
    headers: admin.headers(),
    payload: { name: '監視スクリプト', scopes: ['system.jobs.read'], expiresInDays: 30, ...reauth() },
  });
  assert.equal(created.statusCode, 200, created.body);
  const { token, apiToken } = created.json();
  assert.match(token, /^rkt_/);
  const rows = await a.db.kysely.selectFrom('api_token').selectAll().execute();
  assert.ok(
    rows.every((r) => !Object.values(r).includes(token)),
    'only the hash is stored',
  );
  const bearer = { authorization: `Bearer ${token}` };
  assert.equal((await a.app.inject({ url: '/api/admin/jobs', headers: bearer })).statusCode, 200);
  assert.equal((await a.app.inject({ url: '/api/admin/users', headers: bearer })).statusCode, 403, 'outside its scope');
  const over = await a.app.inject({
    method: 'POST',
    url: '/api/auth/tokens',
    headers: admin.headers(),
    payload: { name: 'x', scopes: ['records.everything'], expiresInDays: 1, ...reauth() },
  });
  assert.equal(over.json().error.code, 'auth.token_scope_invalid');
  assert.equal(
    (await a.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${apiToken.id}`, headers: admin.headers() })).statusCode,
    200,
  );
  assert.equal((await a.app.inject({ url: '/api/admin/jobs', headers: bearer })).statusCode, 401, 'revoked');
  assert.equal((await a.app.inject({ url: '/api/admin/jobs', headers: { authorization: 'Bearer rkt_forged' } })).statusCode, 401);
  const t2 = (
    await a.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: admin.headers(),
      payload: { name: 'y', scopes: ['system.jobs.read'], expiresInDays: 1, ...reauth() },
    })
  ).json();
  await a.db.kysely.updateTable('api_token').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', t2.apiToken.id).execute();
  assert.equal(
    (await a.app.inject({ url: '/api/admin/jobs', headers: { authorization: `Bearer ${t2.token}` } })).statusCode,
    401,
    'expired',
  );
});
