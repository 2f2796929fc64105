import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';

let a: TestApp;
let lead: Agent; // 中央署 佐藤 (stationOfficer)
let ishinomaki: Agent;
let investigator: Agent; // 事件主管課 中村 (caseInvestigator: cases.write)
let analyst: Agent; // 情報技術解析課 小林 (technicalAnalyst: cases.read only)

before(async () => {
  a = await testApp();
  lead = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  investigator = await loginAs(a.app, 'seikei.nakamura');
  analyst = await loginAs(a.app, 'kaiseki.kobayashi');
});
after(() => a.close());

const send = (agent: Agent, method: 'POST' | 'DELETE', url: string, payload?: object) =>
  a.app.inject({ method, url, headers: agent.headers(), ...(payload ? { payload } : {}) });
const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });
const userId = async (loginId: string) =>
  (await a.db.kysely.selectFrom('app_user').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow()).id;

async function openCase(agent: Agent, body: object = {}): Promise<string> {
  const r = await send(agent, 'POST', '/api/cases', { title: '還付金詐欺事件', category: 'fraud', modus: null, ...body });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}
const detail = async (agent: Agent, id: string) => (await get(agent, `/api/cases/${id}`)).json();
const kinds = async (agent: Agent, id: string) => (await detail(agent, id)).timeline.map((e: { kind: string }) => e.kind);

test('an officer of another unit on the team reads the case, works on it, and loses it when taken off', async () => {
  const id = await openCase(lead);
  const nakamura = await userId('seikei.nakamura');
  assert.equal((await get(investigator, `/api/cases/${id}`)).statusCode, 404, 'not on the team: hidden like a missing case');
  const choices = (await get(lead, `/api/cases/${id}/member-choices?q=中村`)).json().items;
  assert.ok(
    choices.some((c: { id: string }) => c.id === nakamura),
    'found by name in the picker',
  );
  const wildcard = (await get(lead, `/api/cases/${id}/member-choices?q=${encodeURIComponent('%')}`)).json().items;
  assert.equal(wildcard.length, 0, 'a typed % is a character, not everyone');
  const added = await send(lead, 'POST', `/api/cases/${id}/members`, { userId: nakamura });
  assert.equal(added.statusCode, 201, added.body);
  assert.equal((await send(lead, 'POST', `/api/cases/${id}/members`, { userId: nakamura })).statusCode, 409, 'already on it');

  const seen = await detail(investigator, id);
  assert.deepEqual(
    seen.members.map((m: { name: string; unitName: string }) => [m.name, m.unitName]),
    [['中村 誠', seen.members[0].unitName]],
  );
  assert.notEqual(seen.members[0].unitName, seen.owningUnitName);
  assert.equal(seen.canNote, true, 'a member with cases.write records notes');
  const listed = (await get(investigator, '/api/cases?pageSize=100')).json().items.map((c: { id: string }) => c.id);
  assert.ok(listed.includes(id), 'the case is among the member’s cases');
  const told = await a.db.kysely
    .selectFrom('notification')
    .select('link')
    .where('user_id', '=', nakamura)
    .where('kind', '=', 'cases.member')
    .execute();
  assert.deepEqual(
    told.map((n) => n.link),
    [`/cases/${id}`],
  );
  const note = await send(investigator, 'POST', `/api/cases/${id}/notes`, { text: '口座の名義人を確認中。' });
  assert.equal(note.statusCode, 201, note.body);
  // A member may not build the team: that is the owning unit's.
  assert.equal((await send(investigator, 'DELETE', `/api/cases/${id}/members/${nakamura}`)).statusCode, 404);

  const removed = await send(lead, 'DELETE', `/api/cases/${id}/members/${nakamura}`);
  assert.equal(removed.statusCode, 200, removed.body);
  assert.equal((await get(investigator, `/api/cases/${id}`)).statusCode, 404, 'off the team: hidden again');
  assert.deepEqual(await kinds(lead, id), ['opened', 'memberAdded', 'note', 'memberRemoved']);
  const trail = await a.db.kysely.selectFrom('audit_event').select('action').where('target_id', '=', id).orderBy('seq').execute();
  const actions = trail.map((e) => e.action);
  for (const action of ['access.share', 'cases.member.add', 'cases.note.create', 'access.unshare', 'cases.member.remove']) {
    assert.ok(actions.includes(action), `${action} in the trail`);
  }
});

test('who may be on a team: not a stranger to Renkei, not the owning unit, and only the owning unit adds', async () => {
  const id = await openCase(lead);
  const own = await send(lead, 'POST', `/api/cases/${id}/members`, { userId: await userId('chuo.kacho') });
  assert.equal(own.statusCode, 400);
  assert.equal(own.json().error.code, 'cases.member_owning_unit');
  const nobody = await send(lead, 'POST', `/api/cases/${id}/members`, { userId: 'no-such-officer' });
  assert.deepEqual([nobody.statusCode, nobody.json().error.code], [400, 'cases.member_not_found']);
  const partner = await send(lead, 'POST', `/api/cases/${id}/members`, { userId: await userId('partner.council') });
  assert.equal(partner.json().error.code, 'cases.member_not_found', 'a partner’s machine account is not an officer');
  const stranger = await send(ishinomaki, 'POST', `/api/cases/${id}/members`, { userId: await userId('seikei.nakamura') });
  assert.equal(stranger.statusCode, 404, 'another station cannot learn the case exists');
  const members = await a.db.kysely.selectFrom('case_member').select('user_id').where('case_id', '=', id).execute();
  assert.equal(members.length, 0, 'every refusal left the team as it was');
});

test('notes: values in them correlate like the narrative’s; a member who may only read cannot write one', async () => {
  const id = await openCase(lead, { narrative: '被疑者は電話で接触。' });
  const added = await send(lead, 'POST', `/api/cases/${id}/members`, { userId: await userId('kaiseki.kobayashi') });
  assert.equal(added.statusCode, 201, added.body);
  const view = await detail(analyst, id);
  assert.equal(view.canNote, false);
  const refused = await send(analyst, 'POST', `/api/cases/${id}/notes`, { text: '090-4455-6677 を確認' });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'auth.forbidden');
  const empty = await send(lead, 'POST', `/api/cases/${id}/notes`, { text: '   ' });
  assert.equal(empty.statusCode, 400);
  const ok = await send(lead, 'POST', `/api/cases/${id}/notes`, {
    text: '新たに 090-4455-6677 と https://kanpukin-uketori.top/login を把握。',
  });
  assert.equal(ok.statusCode, 201, ok.body);
  const after1 = await detail(lead, id);
  const values = after1.indicators.map((i: { value: string }) => i.value).sort();
  assert.ok(values.includes('+819044556677'), JSON.stringify(values));
  assert.ok(
    values.some((v: string) => v.includes('kanpukin-uketori.top')),
    JSON.stringify(values),
  );
  const note = after1.timeline.find((e: { kind: string }) => e.kind === 'note');
  assert.equal(note.text, '新たに 090-4455-6677 と https://kanpukin-uketori.top/login を把握。');
  assert.equal(note.actorName, after1.leadName);
  // Editing the narrative keeps the notes' values: the sightings are the narrative's and the notes'.
  const edit = await a.app.inject({
    method: 'PATCH',
    url: `/api/cases/${id}`,
    headers: lead.headers(),
    payload: { version: after1.version, narrative: '被疑者は 03-1234-5678 から架電。' },
  });
  assert.equal(edit.statusCode, 200, edit.body);
  const after2 = (await detail(lead, id)).indicators.map((i: { value: string }) => i.value);
  assert.ok(after2.includes('+819044556677') && after2.includes('+81312345678'), JSON.stringify(after2));
});

test('a case shows the damage summed over the consultations it grew from', async () => {
  const ids: string[] = [];
  for (const amount of [120_000, 380_000, null]) {
    const r = await a.app.inject({
      method: 'POST',
      url: '/api/intake/consultations',
      headers: lead.headers(),
      payload: consultationInput({ summary: '還付金名目の詐欺', narrative: '市役所職員を名乗る電話。', damageAmount: amount }),
    });
    assert.equal(r.statusCode, 201, r.body);
    ids.push(r.json().id);
  }
  const id = await openCase(lead, { consultationIds: ids });
  assert.deepEqual((await detail(lead, id)).damage, { total: 500_000, counted: 2 });
  assert.deepEqual((await detail(lead, await openCase(lead))).damage, { total: 0, counted: 0 });
});
