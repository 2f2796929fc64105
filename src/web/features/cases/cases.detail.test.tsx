import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers } from '../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor, within } from '../../testing/render.js';
import { caseDetail } from './cases.fixtures.js';

let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

const investigator = sessionWith(['intake.read', 'cases.read', 'cases.write', 'cases.close'], { role: 'caseInvestigator' });
const answers = {
  ...shellAnswers,
  'GET /api/auth/me': investigator,
  'GET /api/cases/k-1': caseDetail,
  'GET /api/cases/k-1/legal': { items: [] },
  'GET /api/cases/k-1/warrants': { items: [] },
  'GET /api/legal/recipients': { items: [] },
  'GET /api/cases/k-1/member-choices': {
    items: [{ id: 'u-7', name: '中村 誠', unitName: '生活経済課', unitNameEn: 'Economic Crime Division' }],
  },
};

test('経過・捜査メモ: the timeline tells what happened with who did it, and a note is recorded and the case read again', async () => {
  const sent: unknown[] = [];
  page = await openPage('/cases/k-1', {
    ...answers,
    'POST /api/cases/k-1/notes': ({ body }: { body: unknown }) => {
      sent.push(body);
      return { status: 201, body: { id: 'k-1' } };
    },
  });
  const section = await page.findByRole('region', { name: '経過・捜査メモ' });
  assert.ok(within(section).getByText('事件登録'));
  assert.ok(within(section).getByText('捜査班員の追加'));
  assert.ok(within(section).getByText('小林 陽介（情報技術解析課）'));
  assert.ok(within(section).getByText('送金先口座の名義人に任意で事情を聴く予定。'));
  assert.ok(within(section).getAllByText(/2026\/12\/01 10:30 中村 健（生活経済課）/).length > 0, 'when, in JST, and who');
  assert.ok(page.getByText('¥1,250,000（相談 1 件）'), 'the damage of the consultations, summed');
  const form = within(section).getByRole('form', { name: '捜査メモの記録' });
  fireEvent.click(within(form).getByRole('button', { name: '記録する' }));
  await within(form).findByText('捜査メモを入力してください');
  assert.equal(sent.length, 0, 'an empty note is not sent');
  fireEvent.change(within(form).getByLabelText(/捜査メモ/), { target: { value: '振込先 三菱UFJ銀行 新宿支店 普通 1234567 を確認。' } });
  fireEvent.click(within(form).getByRole('button', { name: '記録する' }));
  await waitFor(() => assert.deepEqual(sent, [{ text: '振込先 三菱UFJ銀行 新宿支店 普通 1234567 を確認。' }]));
  await page.findByText('捜査メモを記録しました');
  await waitFor(() => assert.equal(page?.api.calls.filter((c) => c === 'GET /api/cases/k-1').length, 2));
});

test('捜査班: the owning unit finds an officer of another unit by name and adds them; a reader is offered neither', async () => {
  const added: unknown[] = [];
  const own = { ...caseDetail, owningUnitId: 'unit-1', owningUnitName: '中央警察署' };
  page = await openPage('/cases/k-1', {
    ...answers,
    'GET /api/cases/k-1': own,
    'POST /api/cases/k-1/members': ({ body }: { body: unknown }) => {
      added.push(body);
      return { status: 201, body: { userId: 'u-7' } };
    },
  });
  const section = await page.findByRole('region', { name: '捜査班' });
  const table = within(section).getByRole('table', { name: '捜査班員の一覧' });
  assert.ok(within(table).getByText('小林 陽介'));
  assert.ok(within(table).getByRole('button', { name: '小林 陽介 を捜査班から外す' }));
  const picker = within(section).getByRole('combobox', { name: '捜査班員を追加' });
  // Typed, as an officer does: Select takes a change to an unfocused input for the browser's autofill.
  picker.focus();
  fireEvent.click(picker);
  fireEvent.change(picker, { target: { value: '中村' } });
  await waitFor(() =>
    assert.ok(
      page?.api.calls.some((c) => c.startsWith('GET /api/cases/k-1/member-choices?') && c.includes('q=')),
      JSON.stringify(page?.api.calls),
    ),
  );
  // The dropdown offers the officer as 氏名（所属）.
  fireEvent.click(await page.findByRole('option', { name: '中村 誠（生活経済課）', hidden: true }));
  await waitFor(() => assert.equal((picker as HTMLInputElement).value, '中村 誠（生活経済課）'));
  fireEvent.click(within(section).getByRole('button', { name: '追加' }));
  await waitFor(() => assert.deepEqual(added, [{ userId: 'u-7' }]));
  closePage(page);
  page = await openPage('/cases/k-1', answers);
  const readOnly = await page.findByRole('region', { name: '捜査班' });
  assert.equal(within(readOnly).queryByRole('button', { name: /外す/ }), null);
  assert.equal(within(readOnly).queryByRole('combobox', { name: '捜査班員を追加' }), null);
});

test('令状: an issued warrant past its period is marked, its execution is recorded with the day, and a request is recorded', async () => {
  const sent: { url: string; body: unknown }[] = [];
  const own = { ...caseDetail, owningUnitId: 'unit-1', owningUnitName: '中央警察署' };
  const issued = {
    id: 'w-1',
    caseId: 'k-1',
    kind: 'searchSeizure',
    status: 'issued',
    court: '仙台簡易裁判所',
    target: '被疑者方（仙台市青葉区）及び使用するパソコン',
    requestedOn: '2026-11-20',
    requestedBy: { id: 'u-1', name: '佐藤 健一' },
    issuedOn: '2026-11-21',
    expiresOn: '2026-11-28',
    executedOn: null,
    reason: null,
    expired: true,
    version: 2,
    nextStatuses: ['executed', 'returned'],
  };
  const record =
    (url: string, status: number) =>
    ({ body }: { body: unknown }) => {
      sent.push({ url, body });
      return { status, body: { id: 'w-1', status: 'executed', version: 3 } };
    };
  page = await openPage('/cases/k-1', {
    ...answers,
    'GET /api/cases/k-1': own,
    'GET /api/cases/k-1/warrants': { items: [issued] },
    'POST /api/cases/k-1/warrants/w-1/transition': record('transition', 200),
    'POST /api/cases/k-1/warrants': record('create', 201),
  });
  const list = await page.findByRole('list', { name: '令状の一覧' });
  const card = within(list).getByRole('listitem', { name: '捜索差押許可状 仙台簡易裁判所' });
  assert.ok(within(card).getByText('有効期間 2026/11/21 ～ 2026/11/28'));
  assert.ok(within(card).getByText('有効期間経過（未執行）'));
  const step = within(card).getByRole('form', { name: '捜索差押許可状の経過の記録' });
  fireEvent.change(within(step).getByLabelText('執行日'), { target: { value: '2026-11-27' } });
  fireEvent.click(within(step).getByRole('button', { name: '記録' }));
  await waitFor(() => assert.deepEqual(sent[0], { url: 'transition', body: { to: 'executed', version: 2, executedOn: '2026-11-27' } }));
  const form = page.getByRole('form', { name: '令状の請求を記録' });
  fireEvent.click(within(form).getByRole('button', { name: '請求を記録' }));
  await within(form).findByText('請求先の裁判所を入力してください');
  assert.equal(sent.length, 1, 'nothing sent without the court and what it is for');
  fireEvent.change(within(form).getByLabelText('種別'), { target: { value: 'recordOrder' } });
  fireEvent.change(within(form).getByLabelText('請求先の裁判所'), { target: { value: '仙台地方裁判所' } });
  fireEvent.change(within(form).getByLabelText(/対象/), { target: { value: '接続記録（令和8年11月分）' } });
  fireEvent.change(within(form).getByLabelText('請求日'), { target: { value: '2026-12-01' } });
  fireEvent.click(within(form).getByRole('button', { name: '請求を記録' }));
  await waitFor(() =>
    assert.deepEqual(sent[1], {
      url: 'create',
      body: { kind: 'recordOrder', court: '仙台地方裁判所', target: '接続記録（令和8年11月分）', requestedOn: '2026-12-01' },
    }),
  );
});
