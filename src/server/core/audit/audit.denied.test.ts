import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consultationInput } from '../../testing/consultation.js';
import { ADMIN_PASSWORD, type Agent, loginAs, secondFactorCode, type TestApp, testApp } from '../../testing/test-app.js';
import { freshDb } from '../../testing/test-db.js';
import type { Principal } from '../http/http.principal.js';
import { createLogger } from '../log/logger.js';
import { createDeniedRecorder, type DeniedAttempt } from './audit.denied.js';

/**
 * Refused attempts are evidence of 不正閲覧: another station's record opened by id or 受理番号,
 * an admin route tried, a token used beyond its scopes. They are audited centrally, without
 * bodies or query values, rate-limited per actor, and the CSIRT can filter them.
 */
let a: TestApp;
let chuo: Agent;
let ishinomaki: Agent;
let csirt: Agent;
let admin: Agent;
before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  csirt = await loginAs(a.app, 'csirt.kato');
  admin = await loginAs(a.app, 'admin');
});
after(() => a.close());

const consultation = consultationInput({
  summary: '中央署の秘匿事案',
  narrative: '警告画面の 050-3000-1234 に電話した。',
  damageAmount: 50_000,
  paymentMethod: 'eMoney',
});

/** The event a request left, once the recorder (which runs after the response) has written it. */
async function eventOf(requestId: string) {
  for (let i = 0; i < 100; i++) {
    const row = await a.db.kysely.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).executeTakeFirst();
    if (row) return row;
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

const idOf = (r: { headers: Record<string, unknown> }) => String(r.headers['x-request-id']);

test('opening another station record, an admin route, or a route beyond a token scope is audited as denied', async () => {
  const made = await a.app.inject({ method: 'POST', url: '/api/intake/consultations', headers: chuo.headers(), payload: consultation });
  assert.equal(made.statusCode, 201, made.body);
  const mine = (await a.app.inject({ url: `/api/intake/consultations/${made.json().id}`, headers: chuo.headers() })).json();

  const byId = await a.app.inject({ url: `/api/intake/consultations/${mine.id}?q=090-1111-2222`, headers: ishinomaki.headers() });
  assert.equal(byId.statusCode, 404);
  const e1 = await eventOf(idOf(byId));
  assert.ok(e1, 'the 404 of need-to-know is in the trail');
  assert.equal(e1.action, 'access.denied');
  assert.equal(e1.outcome, 'denied');
  assert.equal(e1.actor_user_id, ishinomaki.info.user.id);
  assert.deepEqual([e1.target_type, e1.target_id], ['consultations', mine.id]);
  assert.deepEqual(JSON.parse(e1.detail ?? '{}'), {
    method: 'GET',
    route: '/api/intake/consultations/:id',
    status: 404,
    code: 'intake.not_found',
  });
  assert.ok(!JSON.stringify(e1).includes('090-1111-2222'), 'query values never reach the trail');

  const byRefNo = await a.app.inject({ url: `/api/intake/consultations/${mine.refNo}`, headers: ishinomaki.headers() });
  assert.equal(byRefNo.statusCode, 404);
  assert.equal((await eventOf(idOf(byRefNo)))?.target_id, mine.refNo);

  const adminRoute = await a.app.inject({ url: '/api/admin/users', headers: chuo.headers() });
  assert.equal(adminRoute.statusCode, 403);
  const e2 = await eventOf(idOf(adminRoute));
  assert.equal(e2?.action, 'access.denied');
  assert.equal(JSON.parse(e2?.detail ?? '{}').code, 'auth.forbidden');

  const token = (
    await a.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: admin.headers(),
      // Minting one's own token needs re-authentication: the password and a second-factor code.
      payload: {
        name: '監視',
        scopes: ['system.jobs.read'],
        expiresInDays: 1,
        currentPassword: ADMIN_PASSWORD,
        currentCode: secondFactorCode(a.app, 'admin'),
      },
    })
  ).json().token as string;
  const beyondScope = await a.app.inject({ url: '/api/admin/users', headers: { authorization: `Bearer ${token}` } });
  assert.equal(beyondScope.statusCode, 403);
  assert.equal((await eventOf(idOf(beyondScope)))?.actor_user_id, admin.info.user.id);
  const forged = await a.app.inject({ url: '/api/admin/jobs', headers: { authorization: 'Bearer rkt_forged' } });
  assert.equal(forged.statusCode, 401);
  const e4 = await eventOf(idOf(forged));
  assert.equal(e4?.actor_user_id, null);
  assert.ok(e4?.client_ip, 'an unknown caller is known by address');

  // A browser whose session ended is not an attempt: no event.
  const anonymous = await a.app.inject({ url: '/api/admin/users' });
  assert.equal(anonymous.statusCode, 401);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(
    await eventOf(idOf(anonymous)).then(
      (x) => x ?? null,
      () => null,
    ),
    null,
  );

  // The CSIRT filters them in the audit viewer.
  const seen = await a.app.inject({ url: '/api/audit/events?outcome=denied&limit=500', headers: csirt.headers() });
  assert.equal(seen.statusCode, 200);
  const items = seen.json().items as { requestId: string; outcome: string }[];
  assert.ok(items.every((i) => i.outcome === 'denied'));
  for (const r of [byId, byRefNo, adminRoute, beyondScope, forged]) assert.ok(items.some((i) => i.requestId === idOf(r)));
});

const principal = (userId: string) => ({ userId, unitId: 'u1', role: 'stationOfficer' }) as unknown as Principal;
const attempt = (userId: string, id: string): DeniedAttempt => ({
  principal: principal(userId),
  clientIp: '10.0.0.9',
  requestId: `r-${userId}-${id}`,
  method: 'GET',
  route: '/api/intake/consultations/:id',
  status: 404,
  code: 'intake.not_found',
  target: { type: 'consultations', id },
});

test('a loop of denied attempts writes at most N events a minute per actor, then one event with the count', async () => {
  const t = await freshDb();
  try {
    let clock = Date.parse('2026-12-01T00:00:00Z');
    const rec = createDeniedRecorder({ db: t.db, logger: createLogger('silent'), perMinute: 5, now: () => clock });
    for (let i = 0; i < 40; i++) await rec.record(attempt('prober', String(i)));
    await rec.record(attempt('bystander', 'x'));
    const count = async (action: string, user: string) =>
      (await t.db.kysely.selectFrom('audit_event').selectAll().where('action', '=', action).where('actor_user_id', '=', user).execute())
        .length;
    assert.equal(await count('access.denied', 'prober'), 5);
    assert.equal(await count('access.denied', 'bystander'), 1, 'another actor has its own allowance');
    await rec.flush();
    assert.equal(await count('access.denied_suppressed', 'prober'), 0, 'the minute is not over yet');
    clock += 61_000;
    await rec.flush();
    const summary = await t.db.kysely.selectFrom('audit_event').selectAll().where('action', '=', 'access.denied_suppressed').execute();
    assert.equal(summary.length, 1);
    assert.equal(summary[0]?.outcome, 'denied');
    assert.equal(JSON.parse(summary[0]?.detail ?? '{}').suppressed, 35);
    // A new minute, a new allowance.
    await rec.record(attempt('prober', 'again'));
    assert.equal(await count('access.denied', 'prober'), 6);
  } finally {
    await t.cleanup();
  }
});
