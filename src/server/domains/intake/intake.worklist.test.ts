import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { HomeResponse, WorkSection } from '../../../contracts/home.contracts.js';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { markOverdue, remindFollowUps } from './intake.escalation.js';

/** ホーム: what each person is shown as waiting for them, counted only where they may read. */
let a: TestApp;
let chuo: Agent;
let ishinomaki: Agent;
let cyber: Agent;
let cyber2: Agent;

before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  cyber = await loginAs(a.app, 'cyber.watanabe');
  cyber2 = await loginAs(a.app, 'cyber.yamamoto');
});
after(() => a.close());

const post = (agent: Agent, url: string, payload: object = {}) => a.app.inject({ method: 'POST', url, headers: agent.headers(), payload });
const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });
async function home(agent: Agent): Promise<HomeResponse> {
  const r = await get(agent, '/api/home');
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
}
const sectionOf = (h: HomeResponse, key: string): WorkSection | undefined => h.sections.find((s) => s.key === key);
const countOf = (h: HomeResponse, key: string) => sectionOf(h, key)?.count ?? 0;

async function reported(agent: Agent, summary: string): Promise<{ id: string; escalationId: string }> {
  // A narrative of its own: a value seen in earlier records would have the rules report it already.
  const c = await post(agent, '/api/intake/consultations', consultationInput({ summary, narrative: `${summary}について来署した。` }));
  assert.equal(c.statusCode, 201, c.body);
  const id = c.json().id as string;
  const e = await post(agent, `/api/intake/consultations/${id}/escalate`, { reason: '同種被害が続いているため', urgent: false });
  assert.equal(e.statusCode, 200, e.body);
  return { id, escalationId: e.json().escalationId };
}

test('a report reaches サイバー課 as new work and the sending station as waiting; another station counts nothing of it', async () => {
  const before = { cyber: await home(cyber), chuo: await home(chuo), ishinomaki: await home(ishinomaki) };
  const { escalationId } = await reported(chuo, 'ホーム確認用の報告');
  const analyst = await home(cyber);
  assert.equal(countOf(analyst, 'intake.escalations.new'), countOf(before.cyber, 'intake.escalations.new') + 1);
  assert.equal(analyst.counts.intake, (before.cyber.counts.intake ?? 0) + 1, 'the navigation count follows');
  assert.equal(
    analyst.total,
    Object.values(analyst.counts).reduce((s, n) => s + n, 0),
  );
  const station = await home(chuo);
  const sent = sectionOf(station, 'intake.escalations.sent');
  assert.equal(sent?.count, countOf(before.chuo, 'intake.escalations.sent') + 1);
  assert.ok(sent?.items.some((i) => i.title.ja.includes('ホーム確認用の報告')));
  assert.equal(sectionOf(station, 'intake.escalations.new'), undefined, 'a station officer handles no reports');
  const other = await home(ishinomaki);
  assert.equal(countOf(other, 'intake.escalations.sent'), countOf(before.ishinomaki, 'intake.escalations.sent'), 'not counted at 石巻');
  assert.ok(!JSON.stringify(other).includes('ホーム確認用の報告'), 'nor named');

  // Past its deadline it moves to the overdue section, named first.
  await markOverdue(a.db, new Date(Date.now() + 7 * 24 * 3600_000));
  const late = await home(cyber);
  const overdue = sectionOf(late, 'intake.escalations.overdue');
  assert.ok(overdue && overdue.count >= 1 && overdue.actionable);
  assert.equal(overdue.tone, 'danger');
  assert.ok(
    overdue.items.some((i) => i.link === `/intake/escalations#esc-${escalationId}`) || overdue.count > overdue.items.length,
    'the item opens the queue at the report',
  );
});

test('guidance reaches the station as an anchor to it, and the analysts’ notices of the report are read for everyone', async () => {
  const { id, escalationId } = await reported(chuo, '指導の確認用');
  const unreadOf = async (agent: Agent) =>
    (await get(agent, '/api/notifications?unread=true'))
      .json()
      .items.filter((n: { link: string; kind: string }) => n.link === `/intake/${id}` && n.kind.startsWith('intake.escalation'));
  assert.equal((await unreadOf(cyber)).length, 1);
  assert.equal((await unreadOf(cyber2)).length, 1);
  const g = await post(cyber, `/api/intake/escalations/${escalationId}/guidance`, { guidance: '口座凍結の依頼を検討してください。' });
  assert.equal(g.statusCode, 200, g.body);
  assert.deepEqual(await unreadOf(cyber), []);
  assert.deepEqual(await unreadOf(cyber2), [], 'a colleague’s notice is settled too');
  const station = await home(chuo);
  const received = sectionOf(station, 'intake.guidance.received');
  const item = received?.items.find((i) => i.title.ja.includes('指導の確認用'));
  assert.equal(item?.link, `/intake/${id}#guidance-${escalationId}`);
  assert.match(item?.detail?.ja ?? '', /口座凍結/);
  const notice = (await get(chuo, '/api/notifications'))
    .json()
    .items.find((n: { kind: string; link: string }) => n.kind === 'intake.guidance');
  assert.equal(notice.link, `/intake/${id}#guidance-${escalationId}`, 'the notification opens the record at the guidance');
});

test('a follow-up call stays due on the officer’s home after the reminder, until the contact is recorded', async () => {
  const c = await post(chuo, '/api/intake/consultations', consultationInput({ summary: '経過連絡の確認用' }));
  const id = c.json().id as string;
  const soon = new Date(Date.now() + 3600_000).toISOString();
  assert.equal(
    (await post(chuo, `/api/intake/consultations/${id}/notes`, { kind: 'note', text: '再連絡予定', nextFollowUpAt: soon })).statusCode,
    200,
  );
  const dueNow = () => home(chuo).then((h) => sectionOf(h, 'intake.followUps.due')?.items.some((i) => i.id === id) ?? false);
  assert.equal(await dueNow(), true);
  assert.equal(sectionOf(await home(ishinomaki), 'intake.followUps.due')?.items.some((i) => i.id === id) ?? false, false);
  await remindFollowUps(a.db, new Date(Date.now() + 2 * 3600_000));
  assert.equal(await dueNow(), true, 'still due after the reminder');
  const contact = await post(chuo, `/api/intake/consultations/${id}/notes`, { kind: 'complainantContact', text: '電話で経過を説明した' });
  assert.equal(contact.statusCode, 200, contact.body);
  assert.equal(await dueNow(), false);
});

test('the executive sees figures of the strategy’s progress, no record; the partner account an empty home', async () => {
  const exec = await home(await loginAs(a.app, 'exec.yamada'));
  assert.deepEqual(
    exec.sections.map((s) => s.key),
    ['intake.progress'],
  );
  const figures = exec.sections[0]?.figures ?? [];
  assert.ok(figures.length >= 5);
  assert.ok((figures[0]?.value ?? 0) > 0, 'this year’s consultations are counted across the prefecture');
  assert.ok(exec.sections[0]?.items.length === 0 && exec.total === 0);
  const partner = await home(await loginAs(a.app, 'partner.council'));
  assert.deepEqual(partner, { sections: [], counts: {}, total: 0 });
});
