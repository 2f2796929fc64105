import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { markOverdueRequests } from './cases.requests.js';

let a: TestApp;
let chuo: Agent; // 中央署 佐藤: owns the case, sends the requests
let analyst: Agent; // 情報技術解析課 小林 (cases.read only)
let ishinomaki: Agent;
let cyber: Agent;

before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
  analyst = await loginAs(a.app, 'kaiseki.kobayashi');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  cyber = await loginAs(a.app, 'cyber.watanabe');
});
after(() => a.close());

const send = (agent: Agent, method: 'POST' | 'PUT', url: string, payload: object) =>
  a.app.inject({ method, url, headers: agent.headers(), payload });
const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });
const unitId = async (code: string) =>
  (await a.db.kysely.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const noticesOf = async (loginId: string, kind: string) => {
  const user = await a.db.kysely.selectFrom('app_user').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow();
  return a.db.kysely.selectFrom('notification').select(['title', 'link']).where('user_id', '=', user.id).where('kind', '=', kind).execute();
};
const row = (id: string) => a.db.kysely.selectFrom('support_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function openCase(): Promise<string> {
  const r = await send(chuo, 'POST', '/api/cases', { title: 'ランサムウェア被害事件', modus: 'ransomware' });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}
async function analysisRequest(caseId: string) {
  const r = await send(chuo, 'POST', '/api/requests', {
    kind: 'analysis',
    toUnitId: await unitId('EXT-KAISEKI'),
    caseId,
    title: '被害端末のイメージ解析',
    body: '暗号化された業務サーバのディスクイメージ（証拠品 1 点）の解析をお願いします。',
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json() as { id: string; requestNo: string; version: number };
}
const move = (agent: Agent, id: string, body: object) => send(agent, 'POST', `/api/requests/${id}/status`, body);

test('an analysis request reaches 情報技術解析課 at once, with the case to read; the station sees it in its outbox', async () => {
  const caseId = await openCase();
  assert.equal((await get(analyst, `/api/cases/${caseId}`)).statusCode, 404, 'not theirs before the request');
  const { id, requestNo } = await analysisRequest(caseId);
  assert.match(requestNo, /^\d{4}-依-\d{6}$/);
  const told = await noticesOf('kaiseki.kobayashi', 'cases.request');
  assert.ok(told.some((n) => n.title === `【解析依頼】${requestNo} 被害端末のイメージ解析` && n.link === `/cases/requests/${id}`));
  assert.equal((await get(analyst, `/api/cases/${caseId}`)).statusCode, 200, 'the case is shared with the unit asked');
  const inbox = (await get(analyst, '/api/requests?box=inbox')).json().items;
  assert.deepEqual(
    inbox.map((r: { requestNo: string; status: string; fromUnitName: string }) => [r.requestNo, r.status, r.fromUnitName]),
    [[requestNo, 'requested', '仙台中央警察署']],
  );
  assert.ok((await get(chuo, '/api/requests?box=outbox')).json().items.some((r: { id: string }) => r.id === id));
  assert.deepEqual(
    (await get(chuo, `/api/cases/${caseId}`)).json().requests.map((r: { id: string }) => r.id),
    [id],
  );
  assert.equal((await get(ishinomaki, `/api/requests/${id}`)).statusCode, 404, 'another station does not learn it exists');
  const home = (await get(analyst, '/api/home')).json();
  assert.equal(home.sections.find((s: { key: string }) => s.key === 'cases.requests.inbox').count, 1);
});

test('each side makes only its own changes, in order, at the version read; the timeline keeps every step', async () => {
  const { id } = await analysisRequest(await openCase());
  const early = await move(analyst, id, { to: 'answered', version: 1, answer: '解析結果' });
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().error.code, 'lifecycle.transition_not_allowed');
  assert.match(early.json().error.message, /「依頼」から変更できる状態：「受理」、「辞退」、「取下げ」/);
  const notMine = await move(chuo, id, { to: 'accepted', version: 1 });
  assert.equal(notMine.statusCode, 403, 'the requester does not accept its own request');
  const detail = (await get(analyst, `/api/requests/${id}`)).json();
  assert.deepEqual(detail.parties, ['handler']);
  assert.deepEqual(detail.nextStatuses, ['accepted', 'declined']);

  const accepted = await move(analyst, id, { to: 'accepted', version: 1 });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const r = await row(id);
  assert.ok(r.due_at && Date.parse(r.due_at) - Date.now() > 13 * 86_400_000, 'the answer is due 14 days after acceptance');
  assert.equal((await noticesOf('chuo.sato', 'cases.request.status')).length >= 1, true, 'the requester is told');

  const stale = await move(analyst, id, { to: 'inProgress', version: 1 });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'cases.request_version_conflict');
  const noAnswer = await move(analyst, id, { to: 'answered', version: 2 });
  assert.equal(noAnswer.statusCode, 400);
  assert.equal(noAnswer.json().error.code, 'lifecycle.requirement_missing');
  assert.equal((await row(id)).status, 'accepted', 'a refusal changes nothing');

  assert.equal(
    (await send(chuo, 'POST', `/api/requests/${id}/messages`, { text: '解析対象は 2 台目の端末を優先してください。' })).statusCode,
    201,
  );
  assert.equal((await send(ishinomaki, 'POST', `/api/requests/${id}/messages`, { text: '横から' })).statusCode, 404);
  assert.equal(
    (await move(analyst, id, { to: 'answered', version: 2, answer: 'LockBit 系の検体を確認。暗号鍵の復元は不可。' })).statusCode,
    200,
  );
  assert.equal((await move(analyst, id, { to: 'completed', version: 3 })).statusCode, 403, 'completing is the requester’s');
  assert.equal((await move(chuo, id, { to: 'completed', version: 3 })).statusCode, 200);
  const done = (await get(chuo, `/api/requests/${id}`)).json();
  assert.equal(done.status, 'completed');
  assert.equal(done.answer, 'LockBit 系の検体を確認。暗号鍵の復元は不可。');
  assert.equal(done.dueAt, null);
  assert.deepEqual(
    done.messages.map((m: { kind: string; unitName: string }) => [m.kind, m.unitName]),
    [
      ['status', '仙台中央警察署'],
      ['status', '東北管区警察局 宮城県情報通信部 情報技術解析課'],
      ['message', '仙台中央警察署'],
      ['status', '東北管区警察局 宮城県情報通信部 情報技術解析課'],
      ['status', '仙台中央警察署'],
    ],
  );
  assert.match(done.messages[3].text, /^回答：LockBit/);
  const audited = (await a.db.kysely.selectFrom('audit_event').select('action').where('target_id', '=', id).orderBy('seq').execute()).map(
    (e) => e.action,
  );
  // Every refused attempt is in the trail too, in order.
  assert.deepEqual(audited, [
    'cases.request.create',
    'access.denied', // 中央署 accepting its own request
    'cases.request.transition',
    'cases.request.message',
    'access.denied', // 石巻署 writing on it
    'cases.request.transition',
    'access.denied', // 解析課 completing it
    'cases.request.transition',
  ]);
});

test('a party outside Renkei: the unit records its side (another prefecture), and records what it received', async () => {
  const iwate = await unitId('EXT-IWATE');
  const sent = await send(chuo, 'POST', '/api/requests', {
    kind: 'prefecture',
    toUnitId: iwate,
    title: '被疑者口座の名義人所在確認',
    body: '岩手県内の住所について所在確認をお願いします。',
  });
  assert.equal(sent.statusCode, 201, sent.body);
  const { id } = sent.json();
  assert.deepEqual((await get(chuo, `/api/requests/${id}`)).json().parties, ['requester', 'handler']);
  assert.equal((await move(chuo, id, { to: 'accepted', version: 1 })).statusCode, 200, 'recorded for 岩手県警');

  const received = await send(chuo, 'POST', '/api/requests', {
    kind: 'prefecture',
    fromUnitId: await unitId('EXT-FUKUSHIMA'),
    title: '福島県警からの照会',
    body: '同一の050番号に関する相談の有無',
  });
  assert.equal(received.statusCode, 201, received.body);
  const inbound = await row(received.json().id);
  assert.equal(inbound.to_unit_id, await unitId('ST-SENDAI-CHUO'));
  const insider = await send(chuo, 'POST', '/api/requests', {
    kind: 'analysis',
    fromUnitId: await unitId('EXT-KAISEKI'),
    title: 'x',
    body: 'y',
  });
  assert.equal(insider.statusCode, 400, 'a unit inside Renkei sends its own requests');
  assert.equal(insider.json().error.code, 'cases.request_unit_invalid');
  const self = await send(chuo, 'POST', '/api/requests', {
    kind: 'support',
    toUnitId: await unitId('ST-SENDAI-CHUO'),
    title: 'x',
    body: 'y',
  });
  assert.equal(self.statusCode, 400);
  // The council's machine account reads no case: a police request never goes (or is told) there.
  const partner = await unitId('EXT-PARTNER');
  const toPartner = await send(chuo, 'POST', '/api/requests', { kind: 'support', toUnitId: partner, title: 'x', body: 'y' });
  assert.equal(toPartner.statusCode, 400);
  assert.equal(toPartner.json().error.code, 'cases.request_unit_invalid');
  const targets = (await get(chuo, '/api/requests/targets')).json().items.map((u: { id: string }) => u.id);
  assert.ok(!targets.includes(partner));
  assert.ok(targets.includes(iwate) && targets.includes(await unitId('EXT-KAISEKI')));
  const international = await send(chuo, 'POST', '/api/requests', {
    kind: 'international',
    toUnitId: await unitId('EXT-NPA'),
    title: '海外サーバの保全',
    body: '米国事業者へのログ保全',
  });
  assert.equal(international.statusCode, 400);
  assert.deepEqual(
    international.json().error.details.map((d: { path: string }) => d.path),
    ['body.country', 'body.channel'],
  );
});

test('a request not accepted in time tells the unit asked once; its deadlines are サイバー課’s to change', async () => {
  const r = await send(chuo, 'POST', '/api/requests', {
    kind: 'support',
    toUnitId: await unitId('HQ-CYBER'),
    title: 'サポート詐欺の通信解析支援',
    body: '遠隔操作ソフトの接続記録の読み方について支援をお願いします。',
  });
  const { id } = r.json();
  const before = (await noticesOf('cyber.watanabe', 'cases.request.overdue')).length;
  const later = new Date(Date.now() + 5 * 3600_000);
  // Two servers' jobs at the same minute: the request is told about once.
  await Promise.all([markOverdueRequests(a.db, later), markOverdueRequests(a.db, later)]);
  assert.equal(await markOverdueRequests(a.db, later), 0, 'told once');
  assert.equal((await noticesOf('cyber.watanabe', 'cases.request.overdue')).length, before + 1);
  assert.equal((await get(chuo, `/api/requests/${id}`)).json().overdue, false, 'not yet overdue now');
  assert.equal(
    (await get(chuo, '/api/requests?box=outbox')).json().items.find((x: { id: string }) => x.id === id).dueAt,
    (await row(id)).due_at,
  );

  assert.equal((await send(chuo, 'PUT', '/api/requests/sla/support', { acceptHours: 2, answerHours: 48 })).statusCode, 403);
  const put = await send(cyber, 'PUT', '/api/requests/sla/support', { acceptHours: 2, answerHours: 48 });
  assert.equal(put.statusCode, 200, put.body);
  assert.deepEqual(
    put.json().items.find((x: { kind: string }) => x.kind === 'support'),
    { kind: 'support', acceptHours: 2, answerHours: 48 },
  );
});

test('the unit asked reads the case, not the station’s consultation it grew from: the case says which it may open', async () => {
  const c = await send(chuo, 'POST', '/api/intake/consultations', consultationInput());
  assert.equal(c.statusCode, 201, c.body);
  const k = await send(chuo, 'POST', '/api/cases', { title: '解析対象の事件', consultationIds: [c.json().id] });
  const caseId = k.json().id;
  await analysisRequest(caseId);
  const theirs = (await get(analyst, `/api/cases/${caseId}`)).json();
  assert.deepEqual(
    theirs.consultations.map((x: { readable: boolean }) => x.readable),
    [false],
  );
  assert.equal((await get(analyst, `/api/intake/consultations/${c.json().id}`)).statusCode, 404, 'the record stays the station’s');
  assert.deepEqual(
    (await get(chuo, `/api/cases/${caseId}`)).json().consultations.map((x: { readable: boolean }) => x.readable),
    [true],
  );
});
