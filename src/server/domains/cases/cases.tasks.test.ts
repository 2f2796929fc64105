import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { jstDay } from '../../../contracts/datetime.js';
import { shareRecord } from '../../core/access/access.filter.js';
import { systemCtx } from '../../core/audit/audit.context.js';
import { withTx } from '../../core/db/db.tx.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { markOverdueTasks } from './cases.tasks.js';

let a: TestApp;
let lead: Agent; // 中央署 佐藤 (stationOfficer)
let manager: Agent; // 中央署 高橋 (stationManager)
let ishinomaki: Agent;
let analyst: Agent; // 情報技術解析課 小林 (technicalAnalyst: cases.read only)
let cyber: Agent;

before(async () => {
  a = await testApp();
  lead = await loginAs(a.app, 'chuo.sato');
  manager = await loginAs(a.app, 'chuo.kacho');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  analyst = await loginAs(a.app, 'kaiseki.kobayashi');
  cyber = await loginAs(a.app, 'cyber.watanabe');
});
after(() => a.close());

const send = (agent: Agent, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) =>
  a.app.inject({ method, url, headers: agent.headers(), payload });
const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });
const userId = async (loginId: string) =>
  (await a.db.kysely.selectFrom('app_user').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow()).id;
const unitId = async (code: string) =>
  (await a.db.kysely.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

async function openCase(agent: Agent, body: object = {}): Promise<string> {
  const r = await send(agent, 'POST', '/api/cases', {
    title: 'ランサムウェア被害事件',
    category: 'intrusion',
    modus: 'ransomware',
    ...body,
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}
const tasksOf = async (agent: Agent, caseId: string) => (await get(agent, `/api/cases/${caseId}/tasks`)).json().items;
const taskRows = async (caseId: string) => a.db.kysely.selectFrom('case_task').selectAll().where('case_id', '=', caseId).execute();
const noticesOf = async (loginId: string, kind: string) =>
  a.db.kysely
    .selectFrom('notification')
    .select(['title', 'link'])
    .where('user_id', '=', await userId(loginId))
    .where('kind', '=', kind)
    .execute();
const auditOf = async (caseId: string) =>
  (await a.db.kysely.selectFrom('audit_event').select('action').where('target_id', '=', caseId).orderBy('seq').execute()).map(
    (e) => e.action,
  );
const daysFromToday = (n: number) => new Date(Date.parse(`${jstDay(new Date())}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test('the lead gives a task to a colleague with a due date: it is on the case, in their tasks, and they are told', async () => {
  const caseId = await openCase(lead);
  const r = await send(lead, 'POST', `/api/cases/${caseId}/tasks`, {
    title: 'ログ保全依頼',
    note: '被害組織のファイアウォールとVPNのログ',
    assigneeUserId: await userId('chuo.kacho'),
    dueOn: daysFromToday(2),
  });
  assert.equal(r.statusCode, 201, r.body);
  const [task] = (await get(lead, `/api/cases/${caseId}`)).json().tasks;
  assert.equal(task.title, 'ログ保全依頼');
  assert.equal(task.assigneeName, '高橋 修');
  assert.equal(task.status, 'todo');
  assert.equal(task.overdue, false);
  assert.equal(task.canEdit, true);
  const mine = (await get(manager, '/api/cases/my-tasks')).json();
  assert.deepEqual(
    mine.items.map((t: { title: string; mine: boolean }) => [t.title, t.mine]),
    [['ログ保全依頼', true]],
  );
  assert.match(mine.items[0].caseNo, /^\d{4}-事-\d{6}$/);
  const told = await noticesOf('chuo.kacho', 'cases.task.assigned');
  assert.equal(told.length, 1);
  assert.equal(told[0]?.link, `/cases/${caseId}#tasks`);
  assert.deepEqual(await auditOf(caseId), ['cases.case.create', 'cases.task.create']);
  // The home page lists it under 自分の捜査事項 and counts it towards 事件 in the menu.
  const home = (await get(manager, '/api/home')).json();
  const section = home.sections.find((x: { key: string }) => x.key === 'cases.tasks');
  assert.equal(section.count, 1);
  assert.equal(section.items[0].link, `/cases/${caseId}#tasks`);
  assert.equal(home.counts.cases, 1);
  assert.equal(
    (await get(lead, '/api/home')).json().sections.find((x: { key: string }) => x.key === 'cases.tasks'),
    undefined,
  );
});

test('the 手口 checklist adds its tasks for the lead, each due its days from today; a 手口 without one adds nothing', async () => {
  const caseId = await openCase(lead);
  const r = await send(lead, 'POST', `/api/cases/${caseId}/tasks/template`, {});
  assert.equal(r.statusCode, 201, r.body);
  const tasks = await tasksOf(lead, caseId);
  assert.deepEqual(
    tasks.slice(0, 3).map((t: { title: string; dueOn: string; assigneeName: string }) => [t.title, t.dueOn, t.assigneeName]),
    [
      ['ログ保全依頼（被害組織・委託先）', daysFromToday(1), '佐藤 健一'],
      ['被害範囲の確認（端末・サーバ・情報流出の有無）', daysFromToday(3), '佐藤 健一'],
      ['情報技術解析課への解析依頼（検体・イメージ）', daysFromToday(3), '佐藤 健一'],
    ],
  );
  assert.equal(tasks.length, r.json().ids.length);

  const other = await openCase(lead, { modus: 'spamMail' });
  const refused = await send(lead, 'POST', `/api/cases/${other}/tasks/template`, {});
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.json().error.code, 'cases.no_task_template');
  assert.match(refused.json().error.message, /ひな形がありません/);
  assert.equal((await taskRows(other)).length, 0);
});

test('a task only goes to someone who may read the case: another unit after the case is shared with it', async () => {
  const caseId = await openCase(lead);
  const before = await auditOf(caseId);
  for (const [body, path] of [
    [{ assigneeUserId: await userId('ishinomaki.suzuki') }, 'body.assigneeUserId'],
    [{ assigneeUserId: await userId('kaiseki.kobayashi') }, 'body.assigneeUserId'],
    [{ assigneeUnitId: await unitId('EXT-KAISEKI') }, 'body.assigneeUnitId'],
    [{ assigneeUserId: 'no-such-person' }, 'body.assigneeUserId'],
  ] as const) {
    const r = await send(lead, 'POST', `/api/cases/${caseId}/tasks`, { title: '解析依頼', ...body });
    assert.equal(r.statusCode, 400, JSON.stringify(body));
    assert.equal(r.json().error.code, 'cases.assignee_cannot_read');
    assert.equal(r.json().error.details[0].path, path);
  }
  assert.equal((await taskRows(caseId)).length, 0);
  assert.deepEqual(await auditOf(caseId), before, 'a refusal writes nothing');
  // サイバー課 reads every case, so its analysts may be given one without a share.
  assert.equal(
    (await send(lead, 'POST', `/api/cases/${caseId}/tasks`, { title: '通信記録の分析', assigneeUserId: await userId('cyber.watanabe') }))
      .statusCode,
    201,
  );
  const kaiseki = await unitId('EXT-KAISEKI');
  await withTx(a.db, (tx) => shareRecord(tx, systemCtx, { recordType: 'case', recordId: caseId, unitId: kaiseki, reason: 'test' }));
  const choices = (await get(lead, `/api/cases/${caseId}/assignees`)).json();
  assert.ok(choices.units.some((u: { id: string }) => u.id === kaiseki));
  assert.ok(choices.people.some((p: { name: string }) => p.name === '小林 陽介'));
  assert.ok(!choices.people.some((p: { name: string }) => p.name === '鈴木 美咲'), 'another station is not offered');
  const r = await send(lead, 'POST', `/api/cases/${caseId}/tasks`, { title: '端末イメージの解析', assigneeUnitId: kaiseki });
  assert.equal(r.statusCode, 201, r.body);
  // The unit's people see it in their tasks, as the unit's.
  const theirs = (await get(analyst, '/api/cases/my-tasks')).json().items;
  assert.deepEqual(
    theirs.map((t: { title: string; mine: boolean }) => [t.title, t.mine]),
    [['端末イメージの解析', false]],
  );
});

test('whoever a task is for moves its status but cannot edit it; a unit that may not read the case gets 404', async () => {
  const caseId = await openCase(lead);
  const kaiseki = await unitId('EXT-KAISEKI');
  await withTx(a.db, (tx) => shareRecord(tx, systemCtx, { recordType: 'case', recordId: caseId, unitId: kaiseki, reason: 'test' }));
  const { id } = (
    await send(lead, 'POST', `/api/cases/${caseId}/tasks`, { title: '検体の解析', assigneeUserId: await userId('kaiseki.kobayashi') })
  ).json();
  const url = `/api/cases/${caseId}/tasks/${id}`;
  const [seen] = await tasksOf(analyst, caseId);
  assert.deepEqual([seen.canEdit, seen.canProgress], [false, true]);

  const edit = await send(analyst, 'PATCH', url, { version: 1, title: '別の件名' });
  assert.equal(edit.statusCode, 403);
  assert.equal(edit.json().error.code, 'cases.task_edit_forbidden');
  const stranger = await send(ishinomaki, 'PATCH', url, { version: 1, status: 'done' });
  assert.equal(stranger.statusCode, 404);
  assert.equal(stranger.json().error.code, 'cases.not_found');

  assert.equal((await send(analyst, 'PATCH', url, { version: 1, status: 'doing' })).statusCode, 200);
  const stale = await send(analyst, 'PATCH', url, { version: 1, status: 'done' });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'cases.task_version_conflict');
  const done = await send(analyst, 'PATCH', url, { version: 2, status: 'done' });
  assert.equal(done.statusCode, 200, done.body);
  const [row] = await taskRows(caseId);
  assert.deepEqual([row?.status, row?.open, row?.completed_by], ['done', 0, await userId('kaiseki.kobayashi')]);
  // The lead hears that it is done, and it leaves the analyst's open tasks.
  assert.equal((await noticesOf('chuo.sato', 'cases.task.done')).length, 1);
  assert.ok(!(await get(analyst, '/api/cases/my-tasks')).json().items.some((x: { id: string }) => x.id === id));
  // Reopened by the owning unit, it is open again without a completion.
  assert.equal((await send(manager, 'PATCH', url, { version: 3, status: 'todo' })).statusCode, 200);
  const [reopened] = await taskRows(caseId);
  assert.deepEqual([reopened?.open, reopened?.completed_at], [1, null]);
});

test('a due date before the case was opened is refused and nothing changes', async () => {
  const caseId = await openCase(lead);
  const r = await send(lead, 'POST', `/api/cases/${caseId}/tasks`, { title: '照会', dueOn: daysFromToday(-3) });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json().error.code, 'cases.task_due_before_open');
  assert.match(r.json().error.message, /期限が事件の登録日/);
  const { id } = (await send(lead, 'POST', `/api/cases/${caseId}/tasks`, { title: '照会', dueOn: daysFromToday(1) })).json();
  const bad = await send(lead, 'PATCH', `/api/cases/${caseId}/tasks/${id}`, { version: 1, dueOn: daysFromToday(-1), title: '変更' });
  assert.equal(bad.statusCode, 400);
  const [row] = await taskRows(caseId);
  assert.deepEqual([row?.title, row?.due_on, row?.version], ['照会', daysFromToday(1), 1]);
});

test('an overdue task tells whoever it is for and the lead once per due date, and "my tasks" counts it', async () => {
  const caseId = await openCase(lead);
  const { id } = (
    await send(lead, 'POST', `/api/cases/${caseId}/tasks`, {
      title: '口座凍結依頼',
      assigneeUserId: await userId('chuo.kacho'),
      dueOn: daysFromToday(1),
    })
  ).json();
  const later = (days: number) => new Date(Date.now() + days * 86_400_000);
  // Other tests' tasks fall due too; count this one's notices.
  const told = async (loginId: string) =>
    (await noticesOf(loginId, 'cases.task.overdue')).filter((n) => n.title.includes('口座凍結依頼')).length;
  assert.ok((await markOverdueTasks(a.db, later(3))) >= 1);
  assert.equal(await markOverdueTasks(a.db, later(3)), 0, 'told once');
  assert.equal(await told('chuo.kacho'), 1);
  assert.equal(await told('chuo.sato'), 1, 'the lead is told as well');
  assert.ok((await auditOf(caseId)).includes('cases.task.overdue'));
  // Given a new date and missed again, it is told again.
  assert.equal((await send(lead, 'PATCH', `/api/cases/${caseId}/tasks/${id}`, { version: 1, dueOn: daysFromToday(5) })).statusCode, 200);
  assert.equal(await markOverdueTasks(a.db, later(3)), 0);
  assert.ok((await markOverdueTasks(a.db, later(7))) >= 1);
  assert.equal(await told('chuo.kacho'), 2);
  // Past due now, the task is marked overdue in "my tasks".
  await a.db.kysely
    .updateTable('case_task')
    .set({ due_on: daysFromToday(-1) })
    .where('id', '=', id)
    .execute();
  const mine = (await get(manager, '/api/cases/my-tasks?mineOnly=true')).json();
  assert.ok(mine.overdue >= 1);
  assert.equal(mine.items.find((t: { id: string }) => t.id === id).overdue, true);
});

test('the checklists: anyone reading cases sees them; サイバー課 (who manages the 手口 list) replaces one; a station officer may not', async () => {
  const list = (await get(cyber, '/api/cases/task-templates')).json().items;
  assert.ok(list.some((t: { modus: string }) => t.modus === 'ransomware'));
  const items = [
    { title: '脅迫画面の保全', days: 0 },
    { title: '被害届の受理', days: null },
  ];
  assert.equal((await send(lead, 'PUT', '/api/cases/task-templates/defacement', { items })).statusCode, 403);
  const unknown = await send(cyber, 'PUT', '/api/cases/task-templates/no-such-modus', { items });
  assert.equal(unknown.statusCode, 400);
  const r = await send(cyber, 'PUT', '/api/cases/task-templates/defacement', { items });
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(r.json().items.find((t: { modus: string }) => t.modus === 'defacement').items, items);
  const caseId = await openCase(lead, { modus: 'defacement' });
  assert.equal((await send(lead, 'POST', `/api/cases/${caseId}/tasks/template`, {})).statusCode, 201);
  assert.deepEqual(
    (await tasksOf(lead, caseId)).map((t: { title: string; dueOn: string | null }) => [t.title, t.dueOn]),
    [
      ['脅迫画面の保全', daysFromToday(0)],
      ['被害届の受理', null],
    ],
  );
});
