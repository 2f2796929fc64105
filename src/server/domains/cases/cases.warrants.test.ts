import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { jstDay } from '../../../contracts/datetime.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { markExpiringWarrants } from './cases.warrants.js';

let a: TestApp;
let lead: Agent; // 中央署 佐藤
let manager: Agent; // 中央署 高橋
let ishinomaki: Agent;

before(async () => {
  a = await testApp();
  lead = await loginAs(a.app, 'chuo.sato');
  manager = await loginAs(a.app, 'chuo.kacho');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
});
after(() => a.close());

const post = (agent: Agent, url: string, payload: object) => a.app.inject({ method: 'POST', url, headers: agent.headers(), payload });
const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });
const day = (n: number) => new Date(Date.parse(`${jstDay(new Date())}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function openCase(): Promise<string> {
  const r = await post(lead, '/api/cases', { title: '不正アクセス事件', category: 'intrusion', modus: null });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}
async function request(caseId: string, requestedOn = day(-2)) {
  const r = await post(lead, `/api/cases/${caseId}/warrants`, {
    kind: 'recordOrder',
    court: '仙台簡易裁判所',
    target: '株式会社杜の都ネットが保管する IP アドレス 203.0.113.45 の接続記録（令和8年11月1日から同月30日まで）',
    requestedOn,
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id as string;
}
const warrants = async (agent: Agent, caseId: string) => (await get(agent, `/api/cases/${caseId}/warrants`)).json().items;

test('a warrant from the request to execution: each step with its dates, on the case’s timeline and in the trail', async () => {
  const caseId = await openCase();
  const id = await request(caseId);
  let [w] = await warrants(lead, caseId);
  assert.equal(w.status, 'requested');
  assert.deepEqual(w.nextStatuses, ['issued', 'rejected']);
  assert.equal(w.requestedBy.name, '佐藤 健一');
  const issued = await post(lead, `/api/cases/${caseId}/warrants/${id}/transition`, {
    to: 'issued',
    version: 1,
    issuedOn: day(-1),
    expiresOn: day(5),
  });
  assert.equal(issued.statusCode, 200, issued.body);
  [w] = await warrants(manager, caseId);
  assert.deepEqual([w.status, w.issuedOn, w.expiresOn, w.expired], ['issued', day(-1), day(5), false]);
  const executed = await post(manager, `/api/cases/${caseId}/warrants/${id}/transition`, {
    to: 'executed',
    version: 2,
    executedOn: day(0),
  });
  assert.equal(executed.statusCode, 200, executed.body);
  [w] = await warrants(lead, caseId);
  assert.deepEqual([w.status, w.executedOn, w.nextStatuses], ['executed', day(0), []]);
  const timeline = (await get(lead, `/api/cases/${caseId}`)).json().timeline.filter((e: { kind: string }) => e.kind === 'warrant');
  assert.deepEqual(
    timeline.map((e: { detail: { to: string } }) => e.detail.to),
    ['requested', 'issued', 'executed'],
  );
  const trail = await a.db.kysely.selectFrom('audit_event').select('action').where('target_id', '=', caseId).orderBy('seq').execute();
  assert.deepEqual(
    trail.map((e) => e.action).filter((x) => x.startsWith('cases.warrant')),
    ['cases.warrant.create', 'cases.warrant.transition', 'cases.warrant.transition'],
  );
});

test('bad warrant input: steps out of order, missing or contradictory dates, a stale version, another station — nothing changes', async () => {
  const caseId = await openCase();
  const id = await request(caseId);
  const url = `/api/cases/${caseId}/warrants/${id}/transition`;
  const outOfOrder = await post(lead, url, { to: 'executed', version: 1, executedOn: day(0) });
  assert.equal(outOfOrder.statusCode, 409);
  assert.match(outOfOrder.json().error.message, /発付済|却下/);
  const noPeriod = await post(lead, url, { to: 'issued', version: 1, issuedOn: day(0) });
  assert.equal(noPeriod.statusCode, 400);
  assert.match(noPeriod.json().error.message, /有効期間の末日/);
  const backwards = await post(lead, url, { to: 'issued', version: 1, issuedOn: day(0), expiresOn: day(-1) });
  assert.deepEqual([backwards.statusCode, backwards.json().error.code], [400, 'cases.warrant_dates']);
  const beforeRequest = await post(lead, url, { to: 'issued', version: 1, issuedOn: day(-5), expiresOn: day(2) });
  assert.equal(beforeRequest.json().error.code, 'cases.warrant_dates');
  const future = await post(lead, `/api/cases/${caseId}/warrants`, {
    kind: 'seizure',
    court: '仙台地方裁判所',
    target: 'PC',
    requestedOn: day(3),
  });
  assert.equal(future.json().error.code, 'cases.warrant_dates');
  const stale = await post(lead, url, { to: 'rejected', version: 7, reason: '疎明不足' });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'cases.warrant_version_conflict');
  assert.equal((await post(ishinomaki, url, { to: 'rejected', version: 1, reason: '不明' })).statusCode, 404);
  assert.equal((await get(ishinomaki, `/api/cases/${caseId}/warrants`)).statusCode, 404);
  const [w] = await warrants(lead, caseId);
  assert.deepEqual([w.status, w.version, w.issuedOn, w.reason], ['requested', 1, null, null], 'every refusal left it as it was');
  const rows = await a.db.kysely.selectFrom('case_warrant').select('id').where('case_id', '=', caseId).execute();
  assert.equal(rows.length, 1, 'the future-dated request was not saved');
});

test('an issued warrant not yet executed is announced the day before its period ends, and once when it has ended', async () => {
  const caseId = await openCase();
  const id = await request(caseId, day(-3));
  await post(lead, `/api/cases/${caseId}/warrants/${id}/transition`, { to: 'issued', version: 1, issuedOn: day(-3), expiresOn: day(1) });
  const lead1 = await a.db.kysely.selectFrom('app_user').select('id').where('login_id', '=', 'chuo.sato').executeTakeFirstOrThrow();
  const notices = () =>
    a.db.kysely
      .selectFrom('notification')
      .select(['title', 'link'])
      .where('user_id', '=', lead1.id)
      .where('kind', '=', 'cases.warrant.expiry')
      .execute();
  const before = (await notices()).length;
  await markExpiringWarrants(a.db);
  await markExpiringWarrants(a.db);
  const told = await notices();
  assert.equal(told.length, before + 1, 'told once, however often the job runs');
  assert.match(told.at(-1)?.title ?? '', /令状の有効期間.*記録命令付差押許可状/);
  assert.equal(told.at(-1)?.link, `/cases/${caseId}#legal`);
  // Two days on, the period has ended: still issued, so marked expired; the last day was told already.
  const later = new Date(Date.now() + 2 * 86_400_000);
  await markExpiringWarrants(a.db, later);
  assert.equal((await notices()).length, before + 1);
});
