import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { markOverdueLetters, warekiYear } from './cases.legal.js';
import { letterLines, warekiDate } from './cases.legal.letter.js';

let a: TestApp;
let officer: Agent; // 中央署 佐藤 (stationOfficer: drafts, cannot approve)
let manager: Agent; // 中央署 高橋 (stationManager: approves the station's letters)
let ishinomaki: Agent;
let cyber: Agent; // サイバー課 (prefecture-wide, approves its own division's letters only)

before(async () => {
  a = await testApp();
  officer = await loginAs(a.app, 'chuo.sato');
  manager = await loginAs(a.app, 'chuo.kacho');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  cyber = await loginAs(a.app, 'cyber.watanabe');
});
after(() => a.close());

const send = (agent: Agent, method: 'POST' | 'PUT', url: string, payload: object) =>
  a.app.inject({ method, url, headers: agent.headers(), payload });
const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });

async function openCase(agent: Agent): Promise<string> {
  const r = await send(agent, 'POST', '/api/cases', { title: 'ネットバンキング不正送金事件', category: 'fraud', modus: null });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}
async function recipient(body: object = {}): Promise<string> {
  const r = await send(officer, 'POST', '/api/legal/recipients', {
    kind: 'carrier',
    name: '杜の都モバイル株式会社',
    department: '捜査関係事項照会センター',
    ...body,
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}
async function draft(
  caseId: string,
  recipientId: string,
  subject = '電話番号 090-1234-5678 の契約者情報',
): Promise<{ id: string; version: number }> {
  const r = await send(officer, 'POST', `/api/cases/${caseId}/legal`, { kind: 'inquiry', recipientId, subject, dueOn: '2026-12-21' });
  assert.equal(r.statusCode, 201, r.body);
  return r.json();
}
const letters = async (agent: Agent, caseId: string) => (await get(agent, `/api/cases/${caseId}/legal`)).json().items;
const auditOf = async (caseId: string) =>
  (await a.db.kysely.selectFrom('audit_event').select('action').where('target_id', '=', caseId).orderBy('seq').execute()).map(
    (e) => e.action,
  );

test('a letter is drafted, refused to its drafter, approved by the unit’s approver with the next number of its register, sent and answered', async () => {
  const caseId = await openCase(officer);
  const set = await send(manager, 'PUT', '/api/legal/letter-prefix', { prefix: '仙中署刑' });
  assert.equal(set.statusCode, 200, set.body);
  const l = await draft(caseId, await recipient());
  const [drafted] = await letters(officer, caseId);
  assert.equal(drafted.status, 'draft');
  assert.equal(drafted.letterNo, null);
  assert.equal(drafted.mine, true);
  assert.deepEqual(drafted.nextStatuses, ['withdrawn'], 'the drafter is not offered 決裁');

  const own = await send(officer, 'POST', `/api/cases/${caseId}/legal/${l.id}/transition`, { to: 'approved', version: l.version });
  assert.equal(own.statusCode, 403, 'a station officer holds no approval');
  const [forManager] = await letters(manager, caseId);
  assert.deepEqual(forManager.nextStatuses, ['approved', 'withdrawn'], 'the approver is offered 決裁');

  const approved = await send(manager, 'POST', `/api/cases/${caseId}/legal/${l.id}/transition`, { to: 'approved', version: l.version });
  assert.equal(approved.statusCode, 200, approved.body);
  assert.equal(approved.json().letterNo, '仙中署刑第1号');
  const second = await draft(caseId, await recipient({ name: 'みらいホスティング株式会社', kind: 'provider' }));
  const next = await send(manager, 'POST', `/api/cases/${caseId}/legal/${second.id}/transition`, {
    to: 'approved',
    version: second.version,
  });
  assert.equal(next.json().letterNo, '仙中署刑第2号', 'the register counts on');

  const noDate = await send(officer, 'POST', `/api/cases/${caseId}/legal/${l.id}/transition`, { to: 'sent', version: 2 });
  assert.equal(noDate.statusCode, 400, 'sending needs the date sent');
  assert.match(noDate.json().error.message, /送付日/);
  const sent = await send(officer, 'POST', `/api/cases/${caseId}/legal/${l.id}/transition`, {
    to: 'sent',
    version: 2,
    sentOn: '2026-12-08',
  });
  assert.equal(sent.statusCode, 200, sent.body);
  const answered = await send(officer, 'POST', `/api/cases/${caseId}/legal/${l.id}/transition`, {
    to: 'answered',
    version: 3,
    answer: '契約者は個人名義、令和8年10月契約。本人確認書類の写しを添付。',
  });
  assert.equal(answered.statusCode, 200, answered.body);
  const [done] = await letters(officer, caseId);
  assert.equal(done.status, 'answered');
  assert.equal(done.approvedBy.name, '高橋 修');
  assert.equal(done.sentOn, '2026-12-08');
  assert.deepEqual(done.nextStatuses, []);
  const trail = await auditOf(caseId);
  assert.deepEqual(
    trail.filter((x) => x.startsWith('cases.legal')),
    [
      'cases.legal.create',
      'cases.legal.transition',
      'cases.legal.create',
      'cases.legal.transition',
      'cases.legal.transition',
      'cases.legal.transition',
    ],
  );
});

test('an approver cannot approve their own letter, nor another unit’s: the letter stays a draft without a number', async () => {
  const caseId = await openCase(cyber);
  const r = await send(cyber, 'POST', `/api/cases/${caseId}/legal`, {
    kind: 'preservation',
    recipientId: await recipient(),
    subject: '通信履歴（令和8年11月分）',
    dueOn: null,
  });
  const letterId = r.json().id;
  const own = await send(cyber, 'POST', `/api/cases/${caseId}/legal/${letterId}/transition`, { to: 'approved', version: 1 });
  assert.equal(own.statusCode, 403);
  assert.equal(own.json().error.code, 'cases.legal_own_approval');
  assert.match(own.json().error.message, /起案者本人は決裁できません/);

  const stationCase = await openCase(officer);
  const l = await draft(stationCase, await recipient());
  const other = await send(cyber, 'POST', `/api/cases/${stationCase}/legal/${l.id}/transition`, { to: 'approved', version: l.version });
  assert.equal(other.statusCode, 403, 'サイバー課 reads the station’s case but does not approve its letters');
  assert.equal(other.json().error.code, 'cases.legal_other_unit');
  const [still] = await letters(officer, stationCase);
  assert.equal(still.status, 'draft');
  assert.equal(still.letterNo, null);
  assert.ok((await auditOf(letterId)).includes('access.denied'), 'the refused approval is in the audit trail, naming the letter');
});

test('a sent letter unanswered past its 回答期限 is marked, and its drafter told once; an answered one is not', async () => {
  const caseId = await openCase(officer);
  const to = await recipient();
  const late = await draft(caseId, to, '口座 0009-221-1-1234567 の取引履歴');
  const answered = await draft(caseId, to, '口座 0005-001-1-7654321 の取引履歴');
  for (const l of [late, answered]) {
    await send(manager, 'POST', `/api/cases/${caseId}/legal/${l.id}/transition`, { to: 'approved', version: 1 });
    await send(officer, 'POST', `/api/cases/${caseId}/legal/${l.id}/transition`, { to: 'sent', version: 2, sentOn: '2026-12-08' });
  }
  await send(officer, 'POST', `/api/cases/${caseId}/legal/${answered.id}/transition`, { to: 'answered', version: 3, answer: '取引なし' });
  const afterDue = new Date('2026-12-22T03:00:00Z'); // the day after 2026-12-21, in Japan
  await markOverdueLetters(a.db, afterDue);
  await markOverdueLetters(a.db, afterDue);
  const drafter = await a.db.kysely.selectFrom('app_user').select('id').where('login_id', '=', 'chuo.sato').executeTakeFirstOrThrow();
  const told = await a.db.kysely
    .selectFrom('notification')
    .select(['title', 'link'])
    .where('user_id', '=', drafter.id)
    .where('kind', '=', 'cases.legal.overdue')
    .execute();
  assert.equal(told.length, 1, 'told once, for the unanswered letter only');
  assert.match(told[0]?.title ?? '', /^【回答期限超過】仙中署刑第\d+号 杜の都モバイル株式会社$/);
  assert.equal(told[0]?.link, `/cases/${caseId}#legal`);
  assert.ok((await auditOf(caseId)).includes('cases.legal.overdue'));
});

test('two letters approved at the same moment get two numbers', async () => {
  const caseId = await openCase(officer);
  const to = await recipient();
  const [x, y] = [await draft(caseId, to), await draft(caseId, to)];
  const results = await Promise.all(
    [x, y].map((l) => send(manager, 'POST', `/api/cases/${caseId}/legal/${l.id}/transition`, { to: 'approved', version: l.version })),
  );
  const numbers = results.map((r) => r.json().letterNo as string);
  assert.equal(new Set(numbers).size, 2, numbers.join(', '));
});

test('the letter prints as a PDF with the embedded Japanese font; another station sees neither the letters nor the PDF', async () => {
  const caseId = await openCase(officer);
  const l = await draft(caseId, await recipient());
  const pdf = await get(officer, `/api/cases/${caseId}/legal/${l.id}/letter`);
  assert.equal(pdf.statusCode, 200, pdf.body);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.match(String(pdf.headers['content-disposition']), /attachment/);
  const bytes = pdf.rawPayload;
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.match(bytes.toString('latin1'), /\/FontFile2/, 'the font travels with the letter');
  assert.ok((await auditOf(caseId)).includes('cases.legal.letter'), 'printing is recorded');

  assert.equal((await get(ishinomaki, `/api/cases/${caseId}/legal`)).statusCode, 404);
  assert.equal((await get(ishinomaki, `/api/cases/${caseId}/legal/${l.id}/letter`)).statusCode, 404);
});

test('a bank is a recipient by its 金融機関コード; an unknown code is refused', async () => {
  const bad = await send(officer, 'POST', '/api/legal/recipients', { kind: 'bank', name: '架空銀行', bankCode: '9998' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'cases.recipient_bank_unknown');
  const ok = await send(officer, 'POST', '/api/legal/recipients', { kind: 'bank', name: '三菱UFJ銀行', bankCode: '0005' });
  assert.equal(ok.statusCode, 201, ok.body);
});

test('letters are dated in 和暦 and numbered per year of the era', () => {
  assert.equal(warekiDate('2026-12-07'), '令和8年12月7日');
  assert.equal(warekiDate('2019-05-01'), '令和元年5月1日');
  assert.equal(warekiDate('2019-04-30'), '平成31年4月30日');
  // Midnight in Japan is still the previous day in UTC: the date is Japan's.
  assert.equal(warekiDate(new Date('2026-12-31T15:30:00Z')), '令和9年1月1日');
  assert.equal(warekiYear(new Date('2026-12-31T15:30:00Z')), '令和9', 'a new year of the register in Japan’s new year');
  const text = letterLines(
    {
      id: 'l',
      caseId: 'c',
      kind: 'inquiry',
      status: 'approved',
      recipient: { id: 'r', kind: 'carrier', name: '杜の都モバイル株式会社', department: '照会センター', address: '', bankCode: null },
      subject: '契約者情報',
      dueOn: '2026-12-21',
      letterNo: '宮本サ対第123号',
      draftedBy: { id: 'u', name: '渡辺 直樹' },
      approvedBy: { id: 'v', name: '山本 彩' },
      approvedAt: '2026-12-07T01:00:00Z',
      sentOn: null,
      answeredOn: null,
      answer: null,
      withdrawReason: null,
      overdue: false,
      version: 2,
      nextStatuses: [],
      mine: false,
    },
    { caseNo: '2026-事-000123', title: 'フィッシング事件' },
    '生活安全部 サイバー犯罪対策課',
    new Date(),
  );
  assert.equal(text.number, '宮本サ対第123号');
  assert.equal(text.date, '令和8年12月7日');
  assert.equal(text.to, '杜の都モバイル株式会社 照会センター 御中');
  assert.equal(text.title, '捜査関係事項照会書');
  assert.deepEqual(
    text.items.find(([k]) => k === '回答期限'),
    ['回答期限', '令和8年12月21日'],
  );
  assert.equal(text.draft, false);
});
