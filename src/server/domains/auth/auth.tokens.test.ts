import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_PASSWORD, type Agent, loginAs, secondFactorCode, type TestApp, testApp } from '../../testing/test-app.js';
import { DEMO_PASSWORD } from '../org/index.js';
import { currentTotp } from './auth.totp.js';

let a: TestApp;
let admin: Agent;
before(async () => {
  a = await testApp();
  admin = await loginAs(a.app, 'admin');
});
after(() => a.close());

const userId = async (loginId: string) =>
  (await a.db.kysely.selectFrom('app_user').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow()).id;

/** Audit rows of these actions and outcome, newest first. */
const auditRows = (actions: string[], outcome: string) =>
  a.db.kysely
    .selectFrom('audit_event')
    .select('detail')
    .where('action', 'in', actions)
    .where('outcome', '=', outcome)
    .orderBy('seq', 'desc')
    .execute();

const adminReauth = () => ({ currentPassword: ADMIN_PASSWORD, currentCode: secondFactorCode(a.app, 'admin') });

async function mintOwn(agent: Agent, scopes: string[], reauth: Record<string, string>) {
  return a.app.inject({
    method: 'POST',
    url: '/api/auth/tokens',
    headers: agent.headers(),
    payload: { name: 'script', scopes, expiresInDays: 7, ...reauth },
  });
}

test('item 9: an administrator cannot mint a token for a person, only for a partner (machine) account', async () => {
  for (const person of ['chuo.sato', 'cyber.watanabe', 'admin']) {
    const r = await a.app.inject({
      method: 'POST',
      url: `/api/admin/users/${await userId(person)}/tokens`,
      headers: admin.headers(),
      payload: { name: 'impersonate', scopes: ['intake.read'], expiresInDays: 1 },
    });
    assert.equal(r.statusCode, 400, `${person}: ${r.body}`);
    const code = r.json().error.code;
    // Minting for oneself through the admin route still needs the re-authentication the own route asks for.
    assert.equal(code, person === 'admin' ? 'auth.reauth_password_required' : 'auth.token_target_not_partner', person);
  }
  const denied = await auditRows(['auth.token_create'], 'denied');
  assert.equal(denied.length, 2, 'each refusal is audited');
  assert.equal((await a.db.kysely.selectFrom('api_token').select('id').execute()).length, 0, 'no token was minted');
  // A partner target passes the person check; only the usual scope rule applies to it.
  const partner = await a.app.inject({
    method: 'POST',
    url: `/api/admin/users/${await userId('partner.council')}/tokens`,
    headers: admin.headers(),
    payload: { name: 'taxii', scopes: ['intake.read'], expiresInDays: 1 },
  });
  assert.equal(partner.json().error.code, 'auth.token_scope_invalid');
});

test('item 9: a person mints their own token only after re-authenticating (password, and a code when enrolled)', async () => {
  const noProof = await mintOwn(admin, ['system.jobs.read'], {});
  assert.equal(noProof.statusCode, 400);
  const wrong = await mintOwn(admin, ['system.jobs.read'], { currentPassword: 'not-the-password' });
  assert.equal(wrong.json().error.code, 'auth.password_wrong_current');
  const noCode = await mintOwn(admin, ['system.jobs.read'], { currentPassword: ADMIN_PASSWORD });
  assert.equal(noCode.json().error.code, 'auth.reauth_code_required');
  const badCode = await mintOwn(admin, ['system.jobs.read'], { currentPassword: ADMIN_PASSWORD, currentCode: '000000' });
  assert.equal(badCode.json().error.code, 'auth.totp_invalid');
  const failures = await auditRows(['auth.token_create'], 'failure');
  assert.equal(failures.length, 2, 'the wrong password and the wrong code are audited');
  const ok = await mintOwn(admin, ['system.jobs.read'], adminReauth());
  assert.equal(ok.statusCode, 200, ok.body);
});

test('item 9: every event made with a token records the token id and who minted it', async () => {
  const minted = await mintOwn(admin, ['org.units.manage'], adminReauth());
  assert.equal(minted.statusCode, 200, minted.body);
  const { token, apiToken } = minted.json();
  // A unit change (account changes are session-only, see below).
  const target = (await a.db.kysely.selectFrom('unit').select('id').where('code', '=', 'HQ-CYBER').executeTakeFirstOrThrow()).id;
  const r = await a.app.inject({
    method: 'PATCH',
    url: `/api/admin/units/${target}`,
    headers: { authorization: `Bearer ${token}` },
    payload: { email: 'cyber-hq@pref.example' },
  });
  assert.equal(r.statusCode, 200, r.body);
  const ev = await a.db.kysely
    .selectFrom('audit_event')
    .select(['detail', 'actor_user_id'])
    .where('target_id', '=', target)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const detail = JSON.parse(ev.detail ?? '{}');
  assert.equal(detail.tokenId, apiToken.id);
  assert.equal(detail.tokenMintedBy, admin.info.user.id);
  assert.equal(ev.actor_user_id, admin.info.user.id);
});

test('item 10: a token reaches no account-security, inbox or token route, whatever its scopes (403 auth.session_required)', async () => {
  const minted = await mintOwn(admin, ['system.jobs.read', 'auth.tokens.self', 'org.users.manage'], adminReauth());
  assert.equal(minted.statusCode, 200, minted.body);
  const bearer = { authorization: `Bearer ${minted.json().token}` };
  const sessionOnly: [string, string, unknown?][] = [
    ['POST', '/api/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'a-brand-new-passphrase-2026' }],
    ['POST', '/api/auth/mfa/totp/setup', {}],
    ['POST', '/api/auth/mfa/totp/confirm', { code: '123456' }],
    ['GET', '/api/auth/sessions'],
    ['DELETE', '/api/auth/sessions/x'],
    ['POST', '/api/auth/logout-everywhere'],
    ['POST', '/api/auth/logout'],
    ['GET', '/api/auth/me'],
    ['GET', '/api/notifications'],
    ['POST', '/api/notifications/read', {}],
    ['GET', '/api/auth/tokens'],
    ['POST', '/api/auth/tokens', { name: 'x', scopes: ['system.jobs.read'], expiresInDays: 1 }],
    ['DELETE', `/api/auth/tokens/${minted.json().apiToken.id}`],
    ['POST', `/api/admin/users/${await userId('partner.council')}/tokens`, { name: 'x', scopes: ['intake.read'], expiresInDays: 1 }],
  ];
  for (const [method, url, payload] of sessionOnly) {
    const r = await a.app.inject({ method: method as 'GET', url, headers: bearer, ...(payload ? { payload: payload as object } : {}) });
    assert.equal(r.statusCode, 403, `${method} ${url} → ${r.statusCode}`);
    assert.equal(r.json().error.code, 'auth.session_required', `${method} ${url}`);
  }
  // Its scopes still work.
  assert.equal((await a.app.inject({ url: '/api/admin/jobs', headers: bearer })).statusCode, 200);
});

test('account administration is session-only: a token with org.users.manage cannot create users, change roles or reset credentials', async () => {
  const minted = await mintOwn(admin, ['org.users.read', 'org.users.manage'], adminReauth());
  assert.equal(minted.statusCode, 200, minted.body);
  const bearer = { authorization: `Bearer ${minted.json().token}` };
  const officer = await userId('chuo.sato');
  const unitId = (await a.db.kysely.selectFrom('app_user').select('unit_id').where('id', '=', officer).executeTakeFirstOrThrow()).unit_id;
  const usersBefore = (await a.db.kysely.selectFrom('app_user').select('id').execute()).length;
  const roleBefore = (await a.db.kysely.selectFrom('app_user').select('role').where('id', '=', officer).executeTakeFirstOrThrow()).role;
  const mutations: [string, string, unknown?][] = [
    ['POST', '/api/admin/users', { loginId: 'token.made', displayName: 'トークン 作成', unitId, role: 'sysAdmin' }],
    ['PATCH', `/api/admin/users/${officer}`, { role: 'csirt' }],
    ['POST', `/api/admin/users/${officer}/reset-password`],
    ['POST', `/api/admin/users/${officer}/unlock`],
    ['POST', `/api/admin/users/${officer}/mfa-reset`],
  ];
  for (const [method, url, payload] of mutations) {
    const r = await a.app.inject({ method: method as 'POST', url, headers: bearer, ...(payload ? { payload: payload as object } : {}) });
    assert.equal(r.statusCode, 403, `${method} ${url} → ${r.statusCode} ${r.body}`);
    assert.equal(r.json().error.code, 'auth.session_required', `${method} ${url}`);
  }
  assert.equal((await a.db.kysely.selectFrom('app_user').select('id').execute()).length, usersBefore, 'no account was made');
  assert.equal(
    (await a.db.kysely.selectFrom('app_user').select('role').where('id', '=', officer).executeTakeFirstOrThrow()).role,
    roleBefore,
  );
  // Reading the list is not account administration: the token's scope still works there.
  assert.equal((await a.app.inject({ url: '/api/admin/users', headers: bearer })).statusCode, 200);
  // The administrator at a session still can.
  const bySession = await a.app.inject({ method: 'POST', url: `/api/admin/users/${officer}/unlock`, headers: admin.headers() });
  assert.equal(bySession.statusCode, 200, bySession.body);
});

test('item 10: a password change revokes the account’s tokens', async () => {
  const csirt = await loginAs(a.app, 'csirt.kato');
  const minted = await mintOwn(csirt, ['audit.read'], {
    currentPassword: DEMO_PASSWORD,
    currentCode: secondFactorCode(a.app, 'csirt.kato'),
  });
  assert.equal(minted.statusCode, 200, minted.body);
  const bearer = { authorization: `Bearer ${minted.json().token}` };
  assert.equal((await a.app.inject({ url: '/api/audit/events', headers: bearer })).statusCode, 200);
  const change = await a.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: csirt.headers(),
    payload: { currentPassword: DEMO_PASSWORD, newPassword: 'kinkyu-taiou-renraku-2026!' },
  });
  assert.equal(change.statusCode, 200, change.body);
  assert.equal((await a.app.inject({ url: '/api/audit/events', headers: bearer })).statusCode, 401, 'the token is revoked');
  const [ev] = await auditRows(['auth.password_change'], 'success');
  assert.equal(JSON.parse(ev?.detail ?? '{}').tokensRevoked, 1);
});

test('item 11: replacing an enrolled second factor needs the password and a current code (or a recovery code)', async () => {
  const s = await loginAs(a.app, 'cyber.watanabe');
  const setup = (payload?: object) =>
    a.app.inject({ method: 'POST', url: '/api/auth/mfa/totp/setup', headers: s.headers(), ...(payload ? { payload } : {}) });
  assert.equal((await setup()).json().error.code, 'auth.reauth_password_required', 'a session alone is not enough');
  assert.equal((await setup({ currentPassword: 'wrong-password' })).json().error.code, 'auth.password_wrong_current');
  assert.equal((await setup({ currentPassword: DEMO_PASSWORD })).json().error.code, 'auth.reauth_code_required');
  assert.equal((await setup({ currentPassword: DEMO_PASSWORD, currentCode: '000000' })).json().error.code, 'auth.totp_invalid');
  const ok = await setup({ currentPassword: DEMO_PASSWORD, currentCode: secondFactorCode(a.app, 'cyber.watanabe') });
  assert.equal(ok.statusCode, 200, ok.body);
  const code = await currentTotp(ok.json().secret);
  const confirm = (payload: object) => a.app.inject({ method: 'POST', url: '/api/auth/mfa/totp/confirm', headers: s.headers(), payload });
  assert.equal((await confirm({ code })).json().error.code, 'auth.reauth_password_required');
  assert.equal((await confirm({ code, currentPassword: 'wrong-password' })).json().error.code, 'auth.password_wrong_current');
  const done = await confirm({ code, currentPassword: DEMO_PASSWORD });
  assert.equal(done.statusCode, 200, done.body);
  const failures = await auditRows(['auth.mfa_setup', 'auth.mfa_enable'], 'failure');
  assert.equal(failures.length, 3, 'two wrong passwords and a wrong code are audited');
});
