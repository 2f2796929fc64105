import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { changeLanguage } from '../../i18n/index.js';
import { sessionWith, shellAnswers } from '../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor, within } from '../../testing/render.js';
import { caseDetail, caseSummary, caseTask, legalDraft } from './cases.fixtures.js';

let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => {
  closePage(page);
  changeLanguage('ja');
});

const investigator = sessionWith(['intake.read', 'cases.read', 'cases.write', 'cases.close'], { role: 'caseInvestigator' });
const answers = {
  ...shellAnswers,
  'GET /api/auth/me': investigator,
  'GET /api/cases': { items: [caseSummary], total: 1, capped: false, page: 1, pageSize: 50 },
  'GET /api/cases/k-1': caseDetail,
  'GET /api/cases/k-1/legal': { items: [] },
  'GET /api/cases/k-1/warrants': { items: [] },
  'GET /api/legal/recipients': { items: [] },
  'GET /api/cases/k-1/member-choices': {
    items: [{ id: 'u-7', name: '中村 誠', unitName: '生活経済課', unitNameEn: 'Economic Crime Division' }],
  },
};

/** A 409 as the server sends it (the English message is not what these tests read). */
const conflict = (code: string, message: string, details?: { path: string; message: string }[]) => () => ({
  status: 409,
  body: { error: { code, message, messageEn: message, details } },
});

test('事件一覧 lists each case with its number linking to the case, its status and owner', async () => {
  page = await openPage('/cases', answers);
  await page.findByRole('heading', { name: '事件一覧', level: 1 });
  assert.equal(document.title, '事件一覧 | 連携');
  const link = await page.findByRole('link', { name: caseSummary.caseNo });
  assert.equal(link.getAttribute('href'), '/cases/k-1');
  const table = page.getByRole('table');
  for (const header of ['事件番号', '件名', '状態', '主管課／担当', '登録日']) assert.ok(within(table).getByText(header), header);
  assert.ok(within(table).getByText(caseSummary.title));
  assert.ok(within(table).getByText('捜査中'));
  assert.ok(within(table).getByText('生活経済課'));
  assert.ok(within(table).getByText('中村 健'));
  assert.ok(within(table).getByText('2026/12/01 10:30'), 'opened at, in JST');
  assert.ok(page.getByText('1 件'), 'how many match');
  assert.deepEqual(page.api.unanswered, []);
});

test('the status filter asks the server for that status only; an empty list says so in Japanese', async () => {
  page = await openPage('/cases', { ...answers, 'GET /api/cases': { items: [], total: 0, capped: false, page: 1, pageSize: 50 } });
  await page.findByText(/閲覧できる事件はまだありません/);
  fireEvent.change(page.getByLabelText('状態'), { target: { value: 'cleared' } });
  await waitFor(() => assert.ok(page?.api.calls.some((c) => c.startsWith('GET /api/cases?') && c.includes('status=cleared'))));
  await page.findByText('条件に合う事件はありません。');
});

test('the menu offers 事件 to a reader of cases and not to an officer without cases.read', async () => {
  page = await openPage('/', answers);
  const menu = page.getByRole('navigation', { name: 'メインメニュー' });
  const entry = within(menu).getByRole('link', { name: '事件・支援要請' });
  assert.equal(entry.getAttribute('href'), '/cases');
  closePage(page);
  page = await openPage('/', { ...answers, 'GET /api/auth/me': sessionWith(['intake.read']) });
  const menu2 = page.getByRole('navigation', { name: 'メインメニュー' });
  assert.equal(within(menu2).queryByRole('link', { name: /事件・支援要請/ }), null);
});

test('事件詳細 shows the case, its linked consultation and offers only the statuses the server allows', async () => {
  page = await openPage('/cases/k-1', answers);
  await page.findByRole('heading', { name: `${caseSummary.caseNo} ${caseSummary.title}`, level: 1 });
  assert.equal(document.title, `${caseSummary.caseNo} ${caseSummary.title} | 連携`);
  assert.equal(page.getByRole('link', { name: /相談を開く/ }).getAttribute('href'), '/intake/c-1');
  const group = page.getByRole('radiogroup', { name: '変更後の状態' });
  const radios = within(group)
    .getAllByRole('radio')
    .map((r) => r.getAttribute('value'));
  assert.deepEqual(radios, ['cleared', 'dropped']);
  assert.ok(page.getByRole('radio', { name: '送致・検挙' }));
  assert.equal(page.queryByRole('radio', { name: '終結' }), null);
});

test('打切り asks for the reason before sending, then sends it with the version read and reads the case again', async () => {
  const sent: unknown[] = [];
  page = await openPage('/cases/k-1', {
    ...answers,
    'POST /api/cases/k-1/status': ({ body }: { body: unknown }) => {
      sent.push(body);
      return { status: 200, body: { id: 'k-1', version: 4, status: 'dropped' } };
    },
  });
  fireEvent.click(await page.findByRole('radio', { name: '打切り' }));
  fireEvent.click(page.getByRole('button', { name: '状態を変更' }));
  await page.findByText('打切り理由を入力してください');
  assert.deepEqual(sent, []);
  fireEvent.change(page.getByLabelText(/打切り理由/), { target: { value: '被害者の所在不明' } });
  fireEvent.click(page.getByRole('button', { name: '状態を変更' }));
  await waitFor(() => assert.equal(sent.length, 1));
  assert.deepEqual(sent[0], { to: 'dropped', version: 3, dropReason: '被害者の所在不明' });
  await page.findByText(/状態を「打切り」に変更しました/);
  await waitFor(() => assert.equal(page?.api.calls.filter((c) => c === 'GET /api/cases/k-1').length, 2));
});

test('closing a cleared case asks for 検挙人員 and 送致日', async () => {
  const sent: unknown[] = [];
  page = await openPage('/cases/k-1', {
    ...answers,
    'GET /api/cases/k-1': { ...caseDetail, status: 'cleared', nextStatuses: ['closed'] },
    'POST /api/cases/k-1/status': ({ body }: { body: unknown }) => {
      sent.push(body);
      return { status: 200, body: { id: 'k-1', version: 4, status: 'closed' } };
    },
  });
  await page.findByRole('radio', { name: '終結' });
  fireEvent.click(page.getByRole('button', { name: '状態を変更' }));
  await page.findByText('検挙人員を入力してください');
  assert.ok(page.getByText('送致日を入力してください'));
  fireEvent.change(page.getByLabelText(/検挙人員/), { target: { value: '2' } });
  fireEvent.change(page.getByLabelText(/送致日/), { target: { value: '2026-12-05' } });
  fireEvent.click(page.getByRole('button', { name: '状態を変更' }));
  await waitFor(() => assert.equal(sent.length, 1));
  assert.deepEqual(sent[0], { to: 'closed', version: 3, arrestedCount: 2, referredOn: '2026-12-05' });
});

test("a refused change shows the server's Japanese message naming the allowed states", async () => {
  const message = '「捜査中」から「送致・検挙」には変更できません（「捜査中」から変更できる状態：「打切り」）。';
  page = await openPage('/cases/k-1', {
    ...answers,
    'POST /api/cases/k-1/status': conflict('lifecycle.transition_not_allowed', message, [{ path: 'allowed.dropped', message: '打切り' }]),
  });
  fireEvent.click(await page.findByRole('radio', { name: '送致・検挙' }));
  fireEvent.click(page.getByRole('button', { name: '状態を変更' }));
  const alert = await page.findByRole('alert');
  assert.ok(within(alert).getByText(message));
  assert.ok(within(alert).getByText('状態を変更できませんでした'));
  assert.equal(within(alert).queryByText(/allowed\./), null, 'no raw paths');
});

test('reopening a closed case asks for a reason', async () => {
  page = await openPage('/cases/k-1', {
    ...answers,
    'GET /api/cases/k-1': { ...caseDetail, status: 'closed', nextStatuses: ['investigating'] },
  });
  await page.findByRole('radio', { name: '捜査中' });
  fireEvent.click(page.getByRole('button', { name: '状態を変更' }));
  await page.findByText('再開の理由を入力してください');
  assert.ok(!page.api.calls.some((c) => c.startsWith('POST')));
});

test('an officer without cases.read sees the notice, not the list', async () => {
  page = await openPage('/cases', { ...answers, 'GET /api/auth/me': sessionWith(['intake.read']) });
  await page.findByText('この画面を利用する権限がありません');
  assert.ok(!page.api.calls.some((c) => c.startsWith('GET /api/cases')));
});

test('in English the case reads in English: statuses, the owning unit and the form', async () => {
  page = await openPage('/cases/k-1', answers);
  await page.findByRole('radio', { name: '送致・検挙' });
  changeLanguage('en');
  await page.findByRole('radio', { name: 'Cleared / referred' });
  assert.ok(page.getByText('Economic Crime Division'));
  assert.ok(page.getByRole('button', { name: 'Change status' }));
  assert.ok(page.getByRole('heading', { name: 'Consultations it grew from' }));
});

test('a stale version says someone else updated the case and offers to load the latest', async () => {
  page = await openPage('/cases/k-1', {
    ...answers,
    'POST /api/cases/k-1/status': conflict(
      'cases.version_conflict',
      'この事件は他の職員により更新されています。画面を再読み込みしてから操作してください。',
    ),
  });
  fireEvent.click(await page.findByRole('radio', { name: '送致・検挙' }));
  fireEvent.click(page.getByRole('button', { name: '状態を変更' }));
  const alert = await page.findByRole('alert');
  assert.ok(within(alert).getByText('他の人が先に更新しました'));
  fireEvent.click(page.getByRole('button', { name: '最新の内容を読み込む' }));
  await waitFor(() => assert.equal(page?.api.calls.filter((c) => c === 'GET /api/cases/k-1').length, 2));
});

test('事件詳細 lists the values read in the case and the other records holding them: readable ones by number, the rest counted', async () => {
  const withValues = {
    ...caseDetail,
    indicators: [{ id: 41, type: 'phone', value: '+815037774100' }],
    related: [
      {
        type: 'phone',
        value: '+815037774100',
        visible: [
          {
            recordType: 'consultation',
            id: 'c-9',
            title: '2026-000321 警告画面の番号に電話',
            link: '/intake/c-9',
            unitId: 'unit-1',
            unitName: '中央警察署',
            unitNameEn: 'Chuo Police Station',
          },
        ],
        hidden: 2,
      },
    ],
  };
  page = await openPage('/cases/k-1', { ...answers, 'GET /api/cases/k-1': withValues });
  const section = await page.findByRole('region', { name: '記載された指標と関連する記録' });
  const value = within(section).getByRole('link', { name: /050-3777-4100/ });
  assert.equal(value.getAttribute('href'), '/indicators/41');
  const record = within(section).getByRole('link', { name: '2026-000321 警告画面の番号に電話' });
  assert.equal(record.getAttribute('href'), '/intake/c-9');
  assert.ok(within(section).getByText(/閲覧権限のない他所属の記録 2 件/));
});

test('件名・概要の編集 sends only what changed, with the version read, and reads the case again', async () => {
  const sent: unknown[] = [];
  const own = { ...caseDetail, owningUnitId: 'unit-1', owningUnitName: '中央警察署' };
  page = await openPage('/cases/k-1', {
    ...answers,
    'GET /api/cases/k-1': own,
    'PATCH /api/cases/k-1': ({ body }: { body: unknown }) => {
      sent.push(body);
      return { status: 200, body: { id: 'k-1', version: 4 } };
    },
  });
  fireEvent.click(await page.findByRole('button', { name: '件名・概要を編集' }));
  const form = page.getByRole('form', { name: '件名・概要の編集' });
  fireEvent.change(within(form).getByLabelText(/概要/), { target: { value: '訂正：連絡先は 050-3777-4201。' } });
  fireEvent.click(within(form).getByRole('button', { name: '保存' }));
  await waitFor(() => assert.equal(sent.length, 1));
  assert.deepEqual(sent[0], { version: 3, narrative: '訂正：連絡先は 050-3777-4201。' }, 'the unchanged title is not sent');
  await page.findByText('2026-事-000123 を保存しました');
  await waitFor(() => assert.equal(page?.api.calls.filter((c) => c === 'GET /api/cases/k-1').length, 2));
});

test('a unit that may only read a case is offered no edit', async () => {
  page = await openPage('/cases/k-1', answers);
  await page.findByRole('heading', { name: /2026-事-000123/, level: 1 });
  assert.equal(page.queryByRole('button', { name: '件名・概要を編集' }), null);
});

test('捜査事項: a past-due task is marked, its status is sent with the version read, and a new task names its 担当 and 期限', async () => {
  const sent: { method: string; body: unknown }[] = [];
  page = await openPage('/cases/k-1', {
    ...answers,
    // An investigator of the owning unit: they add tasks as well as move them.
    'GET /api/auth/me': sessionWith(['intake.read', 'cases.read', 'cases.write'], {
      role: 'caseInvestigator',
      unit: { id: caseDetail.owningUnitId, name: caseDetail.owningUnitName },
    }),
    'GET /api/cases/k-1': { ...caseDetail, tasks: [caseTask] },
    'GET /api/cases/k-1/assignees': {
      people: [{ id: 'u-kobayashi', name: '小林 陽介', unitId: 'unit-kaiseki', unitName: '情報技術解析課', unitNameEn: null }],
      units: [{ id: 'unit-kaiseki', name: '情報技術解析課', nameEn: null }],
    },
    'PATCH /api/cases/k-1/tasks/t-1': ({ body }: { body: unknown }) => {
      sent.push({ method: 'PATCH', body });
      return { status: 200, body: { id: 't-1', version: 3 } };
    },
    'POST /api/cases/k-1/tasks': ({ body }: { body: unknown }) => {
      sent.push({ method: 'POST', body });
      return { status: 201, body: { id: 't-2', version: 1 } };
    },
  });
  const section = await page.findByRole('region', { name: '捜査事項' });
  const table = within(section).getByRole('table', { name: '捜査事項の一覧' });
  assert.ok(within(table).getByText('送金先口座の凍結依頼'));
  assert.ok(within(table).getByText('2026/12/04'));
  assert.ok(within(table).getByText('期限超過'));
  fireEvent.change(within(table).getByLabelText('「送金先口座の凍結依頼」の状態'), { target: { value: 'done' } });
  await waitFor(() => assert.equal(sent.length, 1));
  assert.deepEqual(sent[0], { method: 'PATCH', body: { version: 2, status: 'done' } });
  await page.findByText('「送金先口座の凍結依頼」を完了にしました');

  const form = within(section).getByRole('form', { name: '捜査事項を追加' });
  fireEvent.click(within(form).getByRole('button', { name: '追加' }));
  await within(form).findByText('捜査事項を入力してください');
  assert.equal(sent.length, 1, 'nothing is sent without a title');
  fireEvent.change(within(form).getByLabelText(/^捜査事項/), { target: { value: '端末イメージの解析' } });
  await within(form).findByRole('option', { name: '小林 陽介（情報技術解析課）' });
  fireEvent.change(within(form).getByLabelText('担当'), { target: { value: 'user:u-kobayashi' } });
  fireEvent.change(within(form).getByLabelText('期限'), { target: { value: '2026-12-10' } });
  fireEvent.click(within(form).getByRole('button', { name: '追加' }));
  await waitFor(() => assert.equal(sent.length, 2));
  assert.deepEqual(sent[1], {
    method: 'POST',
    body: { title: '端末イメージの解析', note: '', dueOn: '2026-12-10', assigneeUserId: 'u-kobayashi' },
  });
  await page.findByText('捜査事項を追加しました');
});

test('自分の捜査事項 lists open tasks soonest due first with the case, counts the overdue, and opens the case at its tasks', async () => {
  page = await openPage('/cases/tasks', {
    ...answers,
    'GET /api/cases/my-tasks': {
      items: [{ ...caseTask, caseNo: caseSummary.caseNo, caseTitle: caseSummary.title, mine: true }],
      total: 1,
      overdue: 1,
      truncated: false,
    },
  });
  await page.findByRole('heading', { name: '自分の捜査事項', level: 1 });
  assert.ok(page.getByText('未完了 1 件（うち期限超過 1 件）'));
  const table = page.getByRole('table', { name: '自分の捜査事項の一覧' });
  assert.equal(within(table).getByRole('link', { name: '送金先口座の凍結依頼' }).getAttribute('href'), '/cases/k-1#tasks');
  assert.ok(within(table).getByText(`${caseSummary.caseNo} ${caseSummary.title}`));
  assert.ok(within(table).getByText('期限超過'));
  fireEvent.click(page.getByLabelText('自分宛てのみ（所属宛てを除く）'));
  await waitFor(() => assert.ok(page?.api.calls.some((c) => c.startsWith('GET /api/cases/my-tasks?') && c.includes('mineOnly=true'))));
});

const request = {
  id: 'r-1',
  requestNo: '2026-依-000012',
  kind: 'analysis' as const,
  status: 'requested' as const,
  title: '被害端末のイメージ解析',
  fromUnitId: 'unit-1',
  fromUnitName: '仙台中央警察署',
  toUnitId: 'unit-kaiseki',
  toUnitName: '情報技術解析課',
  caseId: 'k-1',
  caseNo: caseSummary.caseNo,
  dueAt: '2026-12-05T01:00:00.000Z',
  overdue: true,
  createdAt: '2026-12-04T01:00:00.000Z',
  updatedAt: '2026-12-04T01:00:00.000Z',
};
const requestDetail = {
  ...request,
  body: '暗号化されたサーバのディスクイメージの解析をお願いします。',
  country: null,
  channel: null,
  declineReason: null,
  answer: null,
  version: 1,
  parties: ['handler'],
  nextStatuses: ['accepted', 'declined'],
  messages: [
    {
      id: 'm-1',
      at: '2026-12-04T01:00:00.000Z',
      unitName: '仙台中央警察署',
      userName: '佐藤 一郎',
      kind: 'status',
      text: '依頼：被害端末のイメージ解析',
    },
  ],
};

test('支援要請: the inbox marks the overdue, and the outbox is asked for when chosen', async () => {
  page = await openPage('/cases/requests', {
    ...answers,
    'GET /api/requests': { items: [request], overdue: 1 },
    'GET /api/requests/targets': { items: [] },
  });
  await page.findByRole('heading', { name: '支援要請', level: 1 });
  const table = await page.findByRole('table', { name: '受けた依頼' });
  assert.equal(within(table).getByRole('link', { name: request.requestNo }).getAttribute('href'), '/cases/requests/r-1');
  assert.ok(within(table).getByText('期限超過'));
  assert.ok(within(table).getByText('仙台中央警察署 → 情報技術解析課'));
  assert.ok(page.getByText('1 件（うち期限超過 1 件）'));
  fireEvent.click(page.getByText('出した依頼'));
  await waitFor(() => assert.ok(page?.api.calls.some((c) => c.startsWith('GET /api/requests?') && c.includes('box=outbox'))));
});

test('the unit asked declines only with a reason, sent with the version read', async () => {
  const sent: unknown[] = [];
  page = await openPage('/cases/requests/r-1', {
    ...answers,
    'GET /api/requests/r-1': requestDetail,
    'POST /api/requests/r-1/status': ({ body }: { body: unknown }) => {
      sent.push(body);
      return { status: 200, body: { id: 'r-1', version: 2, status: 'declined' } };
    },
  });
  await page.findByRole('heading', { name: `${request.requestNo} ${request.title}`, level: 1 });
  assert.ok(page.getByText('依頼：被害端末のイメージ解析'), 'the timeline');
  fireEvent.click(page.getByRole('radio', { name: '辞退' }));
  fireEvent.click(page.getByRole('button', { name: '状態を変更' }));
  await page.findByText('辞退の理由を入力してください');
  assert.deepEqual(sent, []);
  fireEvent.change(page.getByLabelText(/辞退の理由/), { target: { value: '当課の対応範囲外のため' } });
  fireEvent.click(page.getByRole('button', { name: '状態を変更' }));
  await waitFor(() => assert.equal(sent.length, 1));
  assert.deepEqual(sent[0], { to: 'declined', version: 1, declineReason: '当課の対応範囲外のため' });
  await page.findByText(`${request.requestNo} を「辞退」にしました`);
});

test('a request from a case: 国際捜査共助 asks for the country and the channel, and the case is named', async () => {
  const sent: unknown[] = [];
  page = await openPage('/cases/k-1', {
    ...answers,
    'GET /api/auth/me': sessionWith(['intake.read', 'cases.read', 'cases.write'], {
      role: 'caseInvestigator',
      unit: { id: caseDetail.owningUnitId, name: caseDetail.owningUnitName },
    }),
    'GET /api/cases/k-1/assignees': { people: [], units: [] },
    'GET /api/requests/targets': {
      items: [{ id: 'unit-npa', name: '警察庁 サイバー警察局', nameEn: null, kind: 'external', inRenkei: false }],
    },
    'POST /api/requests': ({ body }: { body: unknown }) => {
      sent.push(body);
      return { status: 201, body: { id: 'r-9', requestNo: '2026-依-000013', version: 1 } };
    },
    'GET /api/requests/r-9': {
      ...requestDetail,
      id: 'r-9',
      requestNo: '2026-依-000013',
      kind: 'international',
      parties: ['requester', 'handler'],
    },
  });
  const form = await page.findByRole('form', { name: '支援要請を送る' });
  fireEvent.change(within(form).getByLabelText('種類'), { target: { value: 'international' } });
  fireEvent.click(within(form).getByRole('button', { name: '依頼を送る' }));
  await within(form).findByText('依頼先を入力してください');
  assert.ok(within(form).getByText('相手国を入力してください'));
  assert.ok(within(form).getByText('経路を入力してください'));
  assert.deepEqual(sent, []);
  await within(form).findByRole('option', { name: '警察庁 サイバー警察局（Renkei 外：経過は当所属で記録）' });
  fireEvent.change(within(form).getByLabelText(/^依頼先/), { target: { value: 'unit-npa' } });
  fireEvent.change(within(form).getByLabelText(/^件名/), { target: { value: '海外事業者へのログ保全要請' } });
  fireEvent.change(within(form).getByLabelText(/^依頼内容/), { target: { value: '米国の事業者に接続記録の保全を求めたい。' } });
  fireEvent.change(within(form).getByLabelText(/^相手国/), { target: { value: 'アメリカ合衆国' } });
  fireEvent.change(within(form).getByLabelText(/^経路/), { target: { value: 'network247' } });
  fireEvent.click(within(form).getByRole('button', { name: '依頼を送る' }));
  await waitFor(() => assert.equal(sent.length, 1));
  assert.deepEqual(sent[0], {
    kind: 'international',
    toUnitId: 'unit-npa',
    caseId: 'k-1',
    title: '海外事業者へのログ保全要請',
    body: '米国の事業者に接続記録の保全を求めたい。',
    country: 'アメリカ合衆国',
    channel: 'network247',
  });
  await page.findByRole('heading', { name: /2026-依-000013/, level: 1 });
});

test('事件一覧 narrows by 分類 and to the cases one leads, asking the server for each', async () => {
  page = await openPage('/cases', answers);
  await page.findByRole('link', { name: caseSummary.caseNo });
  fireEvent.change(page.getByLabelText('分類'), { target: { value: 'fraud' } });
  await waitFor(() => assert.ok(page?.api.calls.some((c) => c.startsWith('GET /api/cases?') && c.includes('category=fraud'))));
  fireEvent.click(page.getByLabelText('自分が主任捜査官の事件のみ'));
  await waitFor(() =>
    assert.ok(page?.api.calls.some((c) => c.startsWith('GET /api/cases?') && c.includes('category=fraud') && c.includes('leadUserId=u-1'))),
  );
});

test('照会・保全: a colleague’s draft is approved here and gets its number; the draft prints as 案', async () => {
  const sent: unknown[] = [];
  page = await openPage('/cases/k-1', {
    ...answers,
    'GET /api/auth/me': sessionWith(['intake.read', 'cases.read', 'cases.write', 'cases.legal.approve'], {
      role: 'caseInvestigator',
      unit: { id: caseDetail.owningUnitId, name: caseDetail.owningUnitName },
    }),
    'GET /api/cases/k-1/legal': { items: [legalDraft] },
    'POST /api/cases/k-1/legal/l-1/transition': ({ body }: { body: unknown }) => {
      sent.push(body);
      return { status: 200, body: { id: 'l-1', status: 'approved', version: 2, letterNo: '宮本サ対第7号' } };
    },
    'GET /api/legal/letter-prefix': { prefix: '生活経済課' },
    'PUT /api/legal/letter-prefix': ({ body }: { body: unknown }) => {
      sent.push(body);
      return { status: 200, body: { prefix: '宮本生経' } };
    },
  });
  const section = await page.findByRole('region', { name: '照会・保全・令状' });
  const table = within(section).getByRole('list', { name: '照会書・保全要請書の一覧' });
  assert.ok(within(table).getByText('照会先：杜の都モバイル株式会社 捜査関係事項照会センター'));
  assert.ok(within(table).getByText('文書番号は決裁時に付与'));
  const draftPdf = within(table).getByRole('link', { name: '案を PDF で確認' });
  assert.equal(draftPdf.getAttribute('href'), '/api/cases/k-1/legal/l-1/letter');
  fireEvent.click(within(table).getByRole('button', { name: '決裁する（文書番号を付与）' }));
  await waitFor(() => assert.equal(sent.length, 1));
  assert.deepEqual(sent[0], { to: 'approved', version: 1 });
  await page.findByText('決裁しました（宮本サ対第7号）');
  assert.ok(within(section).getByRole('form', { name: '照会書・保全要請書を起案' }), 'the owning unit drafts letters here');

  // An approver sets the unit's 文書記号 the numbers are given under.
  await within(section).findByText('所属の文書記号：生活経済課');
  fireEvent.click(within(section).getByRole('button', { name: '変更' }));
  const prefix = within(section).getByRole('form', { name: '文書記号' });
  fireEvent.change(within(prefix).getByLabelText(/^文書記号/), { target: { value: '宮本生経' } });
  fireEvent.click(within(prefix).getByRole('button', { name: '保存' }));
  await waitFor(() => assert.equal(sent.length, 2));
  assert.deepEqual(sent[1], { prefix: '宮本生経' });
  await page.findByText('文書記号を「宮本生経」にしました');
});
