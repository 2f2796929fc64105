import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { modules } from '../../modules.js';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';

let a: TestApp;
let chuo: Agent;
let chuoManager: Agent;
let ishinomaki: Agent;
let cyber: Agent;

before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
  chuoManager = await loginAs(a.app, 'chuo.kacho');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  cyber = await loginAs(a.app, 'cyber.watanabe');
});
after(() => a.close());

const post = (agent: Agent, url: string, payload: object) => a.app.inject({ method: 'POST', url, headers: agent.headers(), payload });
const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });

async function consultation(agent: Agent): Promise<string> {
  const r = await post(agent, '/api/intake/consultations', consultationInput());
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}
async function openCase(agent: Agent, body: object = {}): Promise<{ id: string; caseNo: string; version: number }> {
  const r = await post(agent, '/api/cases', { title: 'サポート詐欺事件', category: 'fraud', modus: 'supportScam', ...body });
  assert.equal(r.statusCode, 201, r.body);
  return r.json();
}
const caseCount = async () =>
  Number(
    (
      await a.db.kysely
        .selectFrom('case_record')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const auditOf = async (id: string) =>
  (await a.db.kysely.selectFrom('audit_event').select('action').where('target_id', '=', id).orderBy('seq').execute()).map((e) => e.action);

// First, while the database is empty: the demo seeds only an empty one.
test('the demo: サイバー課 investigates a case built from 中央署の phishing report, and 中央署 sees it', async () => {
  for (const m of modules) await m.seedDemo?.(a.ctx);
  const cases = (await get(cyber, '/api/cases')).json().items;
  assert.deepEqual(cases.map((k: { status: string }) => k.status).sort(), ['investigating', 'lead']);
  const built = cases.find((k: { status: string }) => k.status === 'investigating');
  const linked = (await get(cyber, `/api/cases/${built.id}`)).json().consultations;
  assert.equal(linked.length, 1);
  const seen = (await get(chuo, `/api/cases/by-consultation/${linked[0].id}`)).json();
  assert.deepEqual(seen.items, [{ id: built.id, caseNo: built.caseNo, status: 'investigating', readable: false }]);
  // The lead names the 050 number of 石巻署's support-scam report: its page names that record.
  const lead = cases.find((k: { status: string }) => k.status === 'lead');
  const related = (await get(cyber, `/api/cases/${lead.id}`)).json().related;
  assert.deepEqual(
    related.flatMap((n: { visible: { recordType: string; title: string }[] }) =>
      n.visible.map((r) => [r.recordType, r.title.split(' ')[1]]),
    ),
    [['consultation', 'パソコンの警告画面からのサポート詐欺']],
  );
});

test('サイバー課 opens a case from a station consultation; the station sees its number and status, not its content', async () => {
  const c1 = await consultation(chuo);
  const opened = await openCase(cyber, { consultationIds: [c1], narrative: '捜査の内容（署には見せない）' });
  assert.match(opened.caseNo, /^\d{4}-事-\d{6}$/);

  const detail = (await get(cyber, `/api/cases/${opened.id}`)).json();
  assert.equal(detail.status, 'lead');
  assert.deepEqual(detail.nextStatuses, ['investigating', 'dropped']);
  assert.deepEqual(
    detail.consultations.map((x: { id: string }) => x.id),
    [c1],
  );

  const seen = await get(chuo, `/api/cases/by-consultation/${c1}`);
  assert.equal(seen.statusCode, 200, seen.body);
  assert.deepEqual(seen.json(), { items: [{ id: opened.id, caseNo: opened.caseNo, status: 'lead', readable: false }] });
  // The case itself stays with its owner: by id it does not exist for the station.
  assert.equal((await get(chuo, `/api/cases/${opened.id}`)).statusCode, 404);
  // Another station cannot learn even that the consultation became a case.
  assert.equal((await get(ishinomaki, `/api/cases/by-consultation/${c1}`)).statusCode, 404);

  // The station's attempt on the case by id is in the trail too, as a denied access (for the CSIRT).
  assert.deepEqual(await auditOf(opened.id), ['cases.case.create', 'cases.consultation.link', 'access.denied']);
});

test('need-to-know: another station neither reads a case by id nor lists it; prefecture-wide readers do', async () => {
  const own = await openCase(chuo, { title: '中央署の事件' });
  const r = await get(ishinomaki, `/api/cases/${own.id}`);
  assert.equal(r.statusCode, 404);
  assert.equal(r.json().error.code, 'cases.not_found');
  const ids = async (agent: Agent) => (await get(agent, '/api/cases?pageSize=100')).json().items.map((x: { id: string }) => x.id);
  assert.ok(!(await ids(ishinomaki)).includes(own.id));
  assert.ok((await ids(chuo)).includes(own.id));
  assert.ok((await ids(cyber)).includes(own.id));
  assert.equal((await get(cyber, `/api/cases/${own.id}`)).json().owningUnitId, chuo.info.user.unit.id);
});

test('a consultation the creator may not read is refused like one that does not exist, and nothing is saved', async () => {
  const theirs = await consultation(ishinomaki);
  const before = await caseCount();
  const unreadable = await post(chuo, '/api/cases', { title: '他署の相談から', consultationIds: [theirs] });
  const missing = await post(chuo, '/api/cases', { title: '存在しない相談から', consultationIds: ['no-such-consultation'] });
  assert.equal(unreadable.statusCode, 400);
  assert.equal(unreadable.json().error.code, 'cases.consultation_not_found');
  assert.equal(missing.json().error.code, unreadable.json().error.code);
  assert.equal(await caseCount(), before);
  const badModus = await post(chuo, '/api/cases', { title: '手口が不明', modus: 'noSuchModus' });
  assert.equal(badModus.json().error.code, 'intake.unknown_modus');
});

test('the lifecycle: in order it moves; out of order it is refused with the allowed states named and nothing changed', async () => {
  const k = await openCase(chuo);
  const move = (agent: Agent, body: object) => post(agent, `/api/cases/${k.id}/status`, body);
  const state = async () => (await get(chuo, `/api/cases/${k.id}`)).json();

  const skip = await move(chuo, { to: 'cleared', version: 1, arrestedCount: 1 });
  assert.equal(skip.statusCode, 409);
  assert.equal(skip.json().error.code, 'lifecycle.transition_not_allowed');
  assert.equal(
    skip.json().error.message,
    '「端緒」から「送致・検挙」には変更できません（「端緒」から変更できる状態：「捜査中」、「打切り」）。',
  );
  assert.deepEqual([(await state()).status, (await state()).version, (await state()).arrestedCount], ['lead', 1, null]);

  let r = await move(chuo, { to: 'investigating', version: 1 });
  assert.deepEqual(r.json(), { id: k.id, version: 2, status: 'investigating' });
  r = await move(chuo, { to: 'cleared', version: 2, arrestedCount: 2 });
  assert.equal(r.statusCode, 200, r.body);

  // Closing is a supervisor's decision, and needs the whole result.
  r = await move(chuo, { to: 'closed', version: 3, referredOn: '2026-11-30' });
  assert.equal(r.json().error.code, 'lifecycle.transition_forbidden');
  r = await move(chuoManager, { to: 'closed', version: 3 });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json().error.code, 'lifecycle.requirement_missing');
  assert.match(r.json().error.message, /送致日/);
  assert.deepEqual([(await state()).status, (await state()).version], ['cleared', 3]);
  // The officer is offered no closing; the manager is.
  assert.deepEqual((await state()).nextStatuses, []);
  assert.deepEqual((await get(chuoManager, `/api/cases/${k.id}`)).json().nextStatuses, ['closed']);
  r = await move(chuoManager, { to: 'closed', version: 3, referredOn: '2026-11-30' });
  assert.equal(r.statusCode, 200, r.body);
  const closed = (await get(chuoManager, `/api/cases/${k.id}`)).json();
  assert.deepEqual(
    [closed.status, closed.arrestedCount, closed.referredOn, closed.nextStatuses],
    ['closed', 2, '2026-11-30', ['investigating']],
  );

  // Reopening says why.
  assert.equal((await move(chuoManager, { to: 'investigating', version: 4 })).json().error.code, 'lifecycle.requirement_missing');
  r = await move(chuoManager, { to: 'investigating', version: 4, reason: '余罪の判明' });
  assert.equal(r.json().status, 'investigating');

  assert.deepEqual(await auditOf(k.id), [
    'cases.case.create',
    'cases.case.transition',
    'cases.case.transition',
    'access.denied', // the officer's attempt to close: a 403 is recorded centrally
    'cases.case.transition',
    'cases.case.transition',
  ]);
});

test('a dropped case closes only with the reason for dropping it', async () => {
  const k = await openCase(chuoManager);
  let r = await post(chuoManager, `/api/cases/${k.id}/status`, { to: 'dropped', version: 1 });
  assert.equal(r.statusCode, 200, r.body);
  r = await post(chuoManager, `/api/cases/${k.id}/status`, { to: 'closed', version: 2 });
  assert.match(r.json().error.message, /打切り理由/);
  r = await post(chuoManager, `/api/cases/${k.id}/status`, { to: 'closed', version: 2, dropReason: '被疑者不詳のため' });
  assert.equal(r.json().status, 'closed');
});

test('a stale version is refused with 409 and changes nothing; another station cannot move the case', async () => {
  const k = await openCase(chuo);
  assert.equal((await post(chuo, `/api/cases/${k.id}/status`, { to: 'investigating', version: 1 })).statusCode, 200);
  const stale = await post(chuo, `/api/cases/${k.id}/status`, { to: 'dropped', version: 1 });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'cases.version_conflict');
  assert.equal((await get(chuo, `/api/cases/${k.id}`)).json().status, 'investigating');
  assert.equal((await post(ishinomaki, `/api/cases/${k.id}/status`, { to: 'dropped', version: 2 })).statusCode, 404);
});

test('cases are named wherever records of any type are labelled', async () => {
  const k = await openCase(chuo, { title: 'ラベル確認' });
  const labels = await a.ctx.recordTypes.label([{ recordType: 'case', recordId: k.id }]);
  assert.deepEqual([...labels.values()], [{ title: `${k.caseNo} ラベル確認`, link: `/cases/${k.id}` }]);
});

const patch = (agent: Agent, url: string, payload: object) => a.app.inject({ method: 'PATCH', url, headers: agent.headers(), payload });

test('a case reads its text like every record: its values relate it to consultations both ways, within need-to-know', async () => {
  const phone = '050-3777-4100';
  const withPhone = await post(chuo, '/api/intake/consultations', consultationInput({ narrative: `警告画面の ${phone} に電話した。` }));
  assert.equal(withPhone.statusCode, 201, withPhone.body);
  const consultationId = withPhone.json().id as string;
  const k = await openCase(cyber, { narrative: `被疑者は ${phone} で被害者に接触している。` });

  // The case names the station's consultation, by its number and title.
  const detail = (await get(cyber, `/api/cases/${k.id}`)).json();
  assert.deepEqual(
    detail.indicators.map((i: { type: string; value: string }) => `${i.type} ${i.value}`),
    ['phone +815037774100'],
  );
  const notice = detail.related[0];
  assert.equal(notice.hidden, 0);
  assert.deepEqual(
    notice.visible.map((r: { recordType: string; id: string; link: string }) => [r.recordType, r.id, r.link]),
    [['consultation', consultationId, `/intake/${consultationId}`]],
  );

  // The consultation names the case to サイバー課, who may read it; to the station it is a count.
  const fromCyber = (await get(cyber, `/api/intake/consultations/${consultationId}`)).json();
  const seenByCyber = fromCyber.related.flatMap((n: { visible: { recordType: string; title: string }[] }) => n.visible);
  assert.deepEqual(
    seenByCyber.map((r: { recordType: string; title: string }) => [r.recordType, r.title]),
    [['case', `${k.caseNo} サポート詐欺事件`]],
  );
  const fromStation = (await get(chuo, `/api/intake/consultations/${consultationId}`)).json();
  assert.equal(fromStation.related.length, 1);
  assert.deepEqual(fromStation.related[0].visible, [], 'the case is not named to the station');
  assert.equal(fromStation.related[0].hidden, 1, 'only counted');
  assert.ok(!JSON.stringify(fromStation).includes(k.caseNo), 'nor its number');
});

test('editing a case: its correlations follow the text; a stale version or another station is refused and nothing changes', async () => {
  const before = '連絡先 050-3777-4200 の件。';
  const k = await openCase(chuo, { narrative: before });
  const read = async () => (await get(chuo, `/api/cases/${k.id}`)).json();
  assert.deepEqual(
    (await read()).indicators.map((i: { value: string }) => i.value),
    ['+815037774200'],
  );

  const edited = await patch(chuo, `/api/cases/${k.id}`, {
    version: k.version,
    title: '訂正後の件名',
    narrative: '正しくは 050-3777-4201 だった。',
  });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.json().version, k.version + 1);
  const after = await read();
  assert.equal(after.title, '訂正後の件名');
  assert.deepEqual(
    after.indicators.map((i: { value: string }) => i.value),
    ['+815037774201'],
    'the mistyped number no longer belongs to the case',
  );
  const oldNumber = await a.db.kysely
    .selectFrom('sighting as s')
    .innerJoin('indicator as i', 'i.id', 's.indicator_id')
    .select('s.record_id')
    .where('i.value', '=', '+815037774200')
    .where('s.record_type', '=', 'case')
    .execute();
  assert.deepEqual(oldNumber, []);

  const stale = await patch(chuo, `/api/cases/${k.id}`, { version: k.version, title: '古い版からの編集' });
  assert.equal(stale.statusCode, 409);
  const stranger = await patch(ishinomaki, `/api/cases/${k.id}`, { version: k.version + 1, title: '他署からの編集' });
  assert.equal(stranger.statusCode, 404);
  assert.equal((await read()).title, '訂正後の件名');
  assert.deepEqual((await auditOf(k.id)).filter((x) => x === 'cases.case.update').length, 1, 'one edit, audited');
});

test('the case list narrows by 分類, 手口, 主任捜査官 and the period opened, within need-to-know; a bad filter is refused', async () => {
  const ransom = await openCase(chuo, { title: '絞り込み：ランサムウェア', category: 'intrusion', modus: 'ransomware' });
  const scam = await openCase(chuo, { title: '絞り込み：サポート詐欺', category: 'fraud', modus: 'supportScam' });
  const ids = async (agent: Agent, query: string) =>
    (await get(agent, `/api/cases?pageSize=100&${query}`)).json().items.map((k: { id: string }) => k.id) as string[];
  const byCategory = await ids(chuo, 'category=intrusion');
  assert.ok(byCategory.includes(ransom.id) && !byCategory.includes(scam.id));
  const byModus = await ids(chuo, 'modus=supportScam');
  assert.ok(byModus.includes(scam.id) && !byModus.includes(ransom.id));
  const lead = (await get(chuo, `/api/cases/${ransom.id}`)).json().leadUserId;
  assert.ok((await ids(chuo, `leadUserId=${lead}`)).includes(ransom.id));
  assert.equal((await ids(chuo, `leadUserId=${lead}&from=2099-01-01T00:00:00Z`)).length, 0, 'opened after a future day: none');
  const today = await ids(
    chuo,
    `from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date(Date.now() + 3600_000).toISOString()}`,
  );
  assert.ok(today.includes(ransom.id) && today.includes(scam.id));
  assert.equal((await ids(ishinomaki, 'category=intrusion')).includes(ransom.id), false, 'another station still sees none of them');
  // The count is of everything that matches, not of the page.
  const onePage = (await get(chuo, '/api/cases?category=intrusion&pageSize=1')).json();
  assert.deepEqual([onePage.items.length, onePage.total, onePage.capped], [1, byCategory.length, false]);
  const all = (await get(cyber, '/api/cases?pageSize=1')).json();
  assert.equal(all.total, await caseCount());
  const bad = await get(chuo, '/api/cases?category=nonsense');
  assert.equal(bad.statusCode, 400);
});
