import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { verifyAuditChain } from '../../core/audit/audit.verify.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';

let a: TestApp;
let admin: Agent;
before(async () => {
  a = await testApp();
  admin = await loginAs(a.app, 'admin');
});
after(() => a.close());

async function auditRows(action: string) {
  return a.db.kysely.selectFrom('audit_event').selectAll().where('action', '=', action).execute();
}

test('an administrator creates a user with a temporary password that must be changed at first login', async () => {
  const units = (await a.app.inject({ url: '/api/org/units', headers: admin.headers() })).json().items as { id: string; code: string }[];
  const izumi = units.find((u) => u.code === 'ST-IZUMI');
  assert.ok(izumi);
  const before = (await auditRows('org.user.create')).length;
  const r = await a.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: admin.headers(),
    payload: { loginId: 'izumi.mori', displayName: '森 翔太', unitId: izumi.id, role: 'stationOfficer' },
  });
  assert.equal(r.statusCode, 200, r.body);
  const { user, temporaryPassword } = r.json();
  assert.equal(user.unitName, '泉警察署');
  assert.equal(user.mustChangePassword, true);
  assert.equal((await auditRows('org.user.create')).length, before + 1, 'exactly one event');
  const s = await loginAs(a.app, 'izumi.mori', temporaryPassword);
  assert.equal(s.info.user.mustChangePassword, true);
  const blocked = await a.app.inject({ url: '/api/org/units', headers: s.headers() });
  assert.equal(blocked.json().error.code, 'auth.password_change_required');
});

test('a failed mutation writes no audit event and changes nothing', async () => {
  const before = (await auditRows('org.user.create')).length;
  const dup = await a.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: admin.headers(),
    payload: { loginId: 'chuo.sato', displayName: '重複', unitId: admin.info.user.unit.id, role: 'stationOfficer' },
  });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.code, 'org.login_id_taken');
  assert.equal((await auditRows('org.user.create')).length, before);
  const badUnit = await a.app.inject({
    method: 'POST',
    url: '/api/admin/units',
    headers: admin.headers(),
    payload: { code: 'ST-NEW', name: '新署', nameEn: 'New', kind: 'station', parentId: 'no-such-unit' },
  });
  assert.equal(badUnit.statusCode, 404);
  assert.equal((await a.db.kysely.selectFrom('unit').select('id').where('code', '=', 'ST-NEW').execute()).length, 0);
  assert.equal((await auditRows('org.unit.create')).length, 0);
});

test('units: create, re-parent, and cycles refused', async () => {
  const hq = (await a.app.inject({ url: '/api/org/units', headers: admin.headers() }))
    .json()
    .items.find((u: { code: string }) => u.code === 'HQ');
  const box = await a.app.inject({
    method: 'POST',
    url: '/api/admin/units',
    headers: admin.headers(),
    payload: { code: 'PB-CHUO-1', name: '仙台中央警察署 一番町交番', nameEn: 'Ichibancho Police Box', kind: 'policeBox', parentId: hq.id },
  });
  assert.equal(box.statusCode, 200, box.body);
  const cycle = await a.app.inject({
    method: 'PATCH',
    url: `/api/admin/units/${hq.id}`,
    headers: admin.headers(),
    payload: { parentId: box.json().id },
  });
  assert.equal(cycle.json().error.code, 'org.unit_cycle');
});

test('disabling a user ends their sessions; the last administrator cannot be disabled', async () => {
  const victim = await loginAs(a.app, 'furukawa.ito');
  const r = await a.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${victim.info.user.id}`,
    headers: admin.headers(),
    payload: { disabled: true },
  });
  assert.equal(r.statusCode, 200);
  assert.equal((await a.app.inject({ url: '/api/auth/me', headers: { cookie: victim.cookie } })).statusCode, 401);
  const self = await a.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${admin.info.user.id}`,
    headers: admin.headers(),
    payload: { disabled: true },
  });
  assert.equal(self.json().error.code, 'org.last_admin');
});

test('a station manager can list users but not create them', async () => {
  const mgr = await loginAs(a.app, 'chuo.kacho');
  assert.equal((await a.app.inject({ url: '/api/admin/users?q=sato', headers: mgr.headers() })).statusCode, 200);
  const r = await a.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: mgr.headers(),
    payload: { loginId: 'x.y.z', displayName: 'x', unitId: mgr.info.user.unit.id, role: 'sysAdmin' },
  });
  assert.equal(r.statusCode, 403);
});

test('the audit viewer filters by actor, action and time, newest first, paged', async () => {
  const csirt = await loginAs(a.app, 'csirt.kato');
  const byAdmin = await a.app.inject({ url: `/api/audit/events?actorUserId=${admin.info.user.id}&limit=2`, headers: csirt.headers() });
  assert.equal(byAdmin.statusCode, 200);
  const page = byAdmin.json();
  assert.equal(page.items.length, 2);
  assert.ok(page.items[0].seq > page.items[1].seq);
  assert.ok(page.items.every((e: { actorUserId: string }) => e.actorUserId === admin.info.user.id));
  const next = (
    await a.app.inject({ url: `/api/audit/events?actorUserId=${admin.info.user.id}&before=${page.nextBefore}`, headers: csirt.headers() })
  ).json();
  assert.ok(next.items.every((e: { seq: number }) => e.seq < page.nextBefore));
  const logins = (await a.app.inject({ url: '/api/audit/events?action=auth.login&limit=500', headers: csirt.headers() })).json();
  assert.ok(logins.items.length > 0 && logins.items.every((e: { action: string }) => e.action === 'auth.login'));
  const future = (await a.app.inject({ url: '/api/audit/events?from=2999-01-01T00:00:00Z', headers: csirt.headers() })).json();
  assert.equal(future.items.length, 0);
  const officer = await loginAs(a.app, 'chuo.sato');
  assert.equal((await a.app.inject({ url: '/api/audit/events', headers: officer.headers() })).statusCode, 403);
});

test('editing or deleting an audit row behind the triggers is caught by verification', async () => {
  const csirt = await loginAs(a.app, 'csirt.kato');
  const ok = (await a.app.inject({ url: '/api/audit/verify', headers: csirt.headers() })).json();
  assert.equal(ok.ok, true);
  assert.ok(ok.rows > 5);
  const victim = (await a.db.kysely.selectFrom('audit_event').select('seq').orderBy('seq').offset(3).limit(1).executeTakeFirstOrThrow())
    .seq;
  // Someone with database access disables the guard and edits history.
  if (a.db.dialect.engine === 'postgres') {
    await sql`alter table audit_event disable trigger audit_event_no_update_delete`.execute(a.db.kysely);
    await sql`update audit_event set action = 'auth.logout' where seq = ${victim}`.execute(a.db.kysely);
    await sql`alter table audit_event enable trigger audit_event_no_update_delete`.execute(a.db.kysely);
  } else {
    await sql`drop trigger audit_event_no_update`.execute(a.db.kysely);
    await sql`update audit_event set action = 'auth.logout' where seq = ${victim}`.execute(a.db.kysely);
  }
  const broken = (await a.app.inject({ url: '/api/audit/verify', headers: csirt.headers() })).json();
  assert.equal(broken.ok, false);
  assert.equal(broken.brokenAtSeq, Number(victim));
  assert.equal(broken.reason, 'hash');
  const direct = await verifyAuditChain(a.db);
  assert.equal(direct.ok, false);
});

test('user search treats _ and % as plain characters on both engines', async () => {
  const unitId = admin.info.user.unit.id;
  const r = await a.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: admin.headers(),
    payload: { loginId: 'hq_kato', displayName: '加藤 一郎', unitId, role: 'hrTraining' },
  });
  assert.equal(r.statusCode, 200, r.body);
  const find = async (q: string) =>
    (
      (await a.app.inject({ url: `/api/admin/users?q=${encodeURIComponent(q)}`, headers: admin.headers() })).json().items as {
        loginId: string;
      }[]
    ).map((u) => u.loginId);
  assert.deepEqual(await find('hq_k'), ['hq_kato']);
  assert.deepEqual(await find('hq%k'), []);
});
