import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers, unitsAnswer } from '../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor } from '../../testing/render.js';
import { detail, escalation, summary } from './intake.fixtures.js';

let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

const reader = sessionWith(['intake.read', 'intake.write', 'org.units.read']);
const listAnswers = {
  ...shellAnswers,
  'GET /api/auth/me': reader,
  'GET /api/org/units': unitsAnswer,
  'GET /api/intake/modus': { items: [] },
  'GET /api/intake/views': { items: [] },
  'GET /api/intake/stats': { total: 1, byUnit: [], byCategory: [], byModus: [] },
  'GET /api/intake/consultations': { items: [{ ...summary, snippet: null }], total: 1, capped: false, page: 1, pageSize: 50 },
};

test('the intake list shows a row per record the server returns', async () => {
  page = await openPage('/intake', listAnswers);
  await page.findByRole('heading', { name: '相談受理', level: 1 });
  const link = await page.findByRole('link', { name: summary.refNo });
  assert.equal(link.getAttribute('href'), '/intake/c-1');
  assert.ok(page.getByText(summary.summary));
  assert.deepEqual(page.api.unanswered, []);
});

test('an empty result says so', async () => {
  page = await openPage('/intake', {
    ...listAnswers,
    'GET /api/intake/consultations': { items: [], total: 0, capped: false, page: 1, pageSize: 50 },
  });
  await page.findByText('まだ記録がありません。');
});

test('the new-consultation form shows its sections in Japanese', async () => {
  page = await openPage('/intake/new', listAnswers);
  await page.findByText('相談者・被害者');
  for (const section of ['受理', '件名と内容', '分類・手口', '被害', '意向・事情'])
    assert.ok(page.getAllByText(section).length > 0, section);
  assert.equal(document.title, '新規受理 | 連携');
});

test('a record opens with its number and summary', async () => {
  page = await openPage('/intake/c-1', { ...listAnswers, 'GET /api/intake/consultations/c-1': detail });
  await page.findByText(summary.refNo);
  assert.ok(page.getAllByText(summary.summary).length > 0);
});

test('the escalation queue lists what awaits the cyber division', async () => {
  const handler = sessionWith(['intake.read', 'intake.escalations.handle']);
  page = await openPage('/intake/escalations', {
    ...listAnswers,
    'GET /api/auth/me': handler,
    'GET /api/intake/escalations': { items: [escalation] },
    'GET /api/intake/access-requests': { items: [] },
  });
  await page.findByText('未処理 1 件');
  assert.ok(page.getByText(escalation.refNo));
});

test('a user without the permission sees the notice, not the queue', async () => {
  page = await openPage('/intake/escalations', listAnswers);
  await page.findByText('この画面を利用する権限がありません');
  assert.ok(!page.api.calls.some((call) => call.startsWith('GET /api/intake/escalations')));
});

test('the register import page explains itself and asks for a file; officers without the permission see the notice', async () => {
  page = await openPage('/intake/import', {
    ...listAnswers,
    'GET /api/auth/me': sessionWith(['intake.read', 'intake.import', 'org.units.read']),
  });
  await page.findByRole('heading', { name: '相談簿の取り込み' });
  closePage(page);
  page = await openPage('/intake/import', listAnswers);
  await page.findByText('この画面を利用する権限がありません');
  assert.equal(page.queryByRole('heading', { name: '相談簿の取り込み' }), null);
});

test('the settings page lists the escalation rules and 手口 the server returns', async () => {
  page = await openPage('/intake/settings', {
    ...listAnswers,
    'GET /api/auth/me': sessionWith(['intake.read', 'intake.settings.manage', 'org.units.read']),
    'GET /api/intake/rules': {
      items: [
        {
          code: 'ransomware',
          ja: '法人のランサムウェア被害',
          en: 'Ransomware',
          enabled: true,
          urgent: true,
          slaMinutes: 30,
          threshold: null,
        },
      ],
    },
    'GET /api/intake/modus': { items: [{ code: 'supportScam', ja: 'サポート詐欺', en: 'Support scam', active: true, sort: 10 }] },
  });
  await page.findByRole('heading', { name: '報告基準' });
  await page.findByText('法人のランサムウェア被害');
  await page.findByText('サポート詐欺');
});

test('the live extraction shows what looks like an account but does not validate as 口座らしき記載（形式不正）, without a checkbox', async () => {
  const raw = 'ゆうちょ銀行 記号12345 番号67890';
  page = await openPage('/intake/new', {
    ...listAnswers,
    'POST /api/intake/preview': {
      hits: [
        {
          type: 'bankAccount',
          value: '9900-238-1-0006789',
          raw,
          start: 0,
          end: raw.length,
          benign: false,
          role: 'unknown',
          status: 'malformed',
          reasons: ['check_digit'],
        },
      ],
      related: [],
    },
  });
  const narrative = await page.findByRole('textbox', { name: /相談内容/ });
  const { fireEvent } = await import('../../testing/render.js');
  fireEvent.change(narrative, { target: { value: `振込先 ${raw}` } });
  await page.findByText('口座らしき記載（形式不正）', {}, { timeout: 3000 });
  assert.ok(page.getByText('番号の検査数字が合いません'));
  assert.equal(page.queryByRole('checkbox', { name: new RegExp(raw) }), null, 'not offered for recording');
});

test('a guidance notice opens the record at the guidance, highlighted', async () => {
  const guided = {
    ...escalation,
    state: 'guided' as const,
    acknowledgedAt: '2026-11-30T02:30:00.000Z',
    acknowledgedByName: '渡辺 直樹',
    guidance: '口座凍結の依頼を検討してください。',
    guidanceAt: '2026-11-30T03:00:00.000Z',
  };
  page = await openPage('/intake/c-1#guidance-e-1', {
    ...listAnswers,
    'GET /api/intake/consultations/c-1': { ...detail, escalation: 'guided', escalations: [guided] },
    'GET /api/intake/consultations/c-1/files': { items: [] },
  });
  const guidance = await page.findByText('口座凍結の依頼を検討してください。');
  const card = guidance.closest('#guidance-e-1');
  assert.ok(card, 'the guidance carries the anchor the notice links to');
  assert.equal(card.getAttribute('data-highlighted'), 'true');
  assert.equal(document.activeElement, card, 'and takes the focus, so it is read first');
});

test('acknowledging a report says so in a toast, and the tab badge and the page count agree', async () => {
  const handler = sessionWith(['intake.read', 'intake.escalations.handle']);
  const acknowledged = { ...escalation, state: 'acknowledged' as const, acknowledgedAt: '2026-11-30T02:30:00.000Z' };
  let open = [escalation];
  page = await openPage('/intake/escalations', {
    ...listAnswers,
    'GET /api/auth/me': handler,
    'GET /api/intake/escalations': () => ({ status: 200, body: { items: open } }),
    'GET /api/intake/access-requests': { items: [] },
    'POST /api/intake/escalations/e-1/acknowledge': () => {
      open = [acknowledged];
      return { status: 200, body: acknowledged };
    },
  });
  await page.findByText('未処理 1 件');
  fireEvent.click(page.getByRole('button', { name: '確認' }));
  await page.findByText(`報告を確認しました（${escalation.refNo}）`);
  await waitFor(() => assert.equal(page?.queryByRole('button', { name: '確認' }), null));
  assert.ok(page.getByText('未処理 1 件'), 'an acknowledged report still awaits guidance');
  assert.ok(page.getByLabelText('未処理の報告 1 件'), 'the tab badge counts the same list');
});

test('サイバー課 reviews a 閲覧依頼 with its value and records and approves the records it keeps chosen', async () => {
  const handler = sessionWith(['intake.read', 'intake.escalations.handle', 'indicators.read']);
  const record = (id: string, refNo: string, unit: string, readable = false) => ({
    id,
    refNo,
    summary: `${refNo} の件名`,
    owningUnitName: unit,
    owningUnitNameEn: `${unit} (en)`,
    receivedAt: '2026-11-30T02:00:00.000Z',
    escalation: 'none' as const,
    readable,
  });
  const request = {
    id: 'r-1',
    state: 'pending' as const,
    indicator: { id: 7, type: 'phone', value: '+818071712323' },
    requesterName: '鈴木 美咲',
    requesterUnitName: '石巻警察署',
    requesterUnitNameEn: 'Ishinomaki Police Station',
    reason: '同一番号の相談を受理したため',
    hidden: 2,
    createdAt: '2026-12-07T01:00:00.000Z',
    decidedByName: null,
    decidedAt: null,
    decisionReason: null,
    shared: 0,
    allowReveal: false,
  };
  let sent: unknown;
  page = await openPage('/intake/access-requests/r-1', {
    ...listAnswers,
    'GET /api/auth/me': handler,
    'GET /api/intake/escalations': { items: [] },
    'GET /api/intake/access-requests': { items: [request] },
    'GET /api/intake/access-requests/r-1': {
      ...request,
      ownRecords: [record('o-1', '2026-000301', '石巻警察署')],
      records: [record('t-1', '2026-000201', '中央警察署'), record('t-2', '2026-000202', '古川警察署')],
    },
    'POST /api/intake/access-requests/r-1/decision': ({ body }: { body: unknown }) => {
      sent = body;
      return { status: 200, body: { ...request, state: 'approved', shared: 1 } };
    },
  });
  await page.findByText('同一番号の相談を受理したため', { exact: false });
  assert.ok(page.getByRole('link', { name: /電話番号 \+818071712323/ }));
  assert.ok(page.getByLabelText('判断待ちの閲覧依頼 1 件'), 'the tab says a request waits');
  fireEvent.click(page.getByRole('checkbox', { name: '2026-000202 を共有する' }));
  fireEvent.click(page.getByRole('button', { name: '選択した記録を共有して承認' }));
  await page.findByText('承認し、1 件を共有しました');
  assert.deepEqual(sent, { decision: 'approve', recordIds: ['t-1'], allowReveal: false });
});

test('handled reports stay visible under 処理済, with who acknowledged and the guidance given', async () => {
  const guided = {
    ...escalation,
    state: 'guided' as const,
    acknowledgedAt: '2026-11-30T02:30:00.000Z',
    acknowledgedByName: '渡辺 直樹',
    guidance: '通話履歴の保全を依頼してください。',
    guidanceAt: '2026-11-30T03:00:00.000Z',
  };
  page = await openPage('/intake/escalations', {
    ...listAnswers,
    'GET /api/auth/me': sessionWith(['intake.read', 'intake.escalations.handle']),
    'GET /api/intake/access-requests': { items: [] },
    'GET /api/intake/escalations': ({ url }: { url: URL }) => ({
      status: 200,
      body: { items: url.searchParams.get('state') === 'guided' ? [guided] : [] },
    }),
  });
  await page.findByText('未処理の報告はありません。');
  fireEvent.click(page.getByRole('tab', { name: '処理済（指導済）' }));
  await page.findByText('処理済 1 件');
  assert.ok(page.getByText('通話履歴の保全を依頼してください。'));
  assert.ok(page.getByText('2026/11/30 11:30 渡辺 直樹'));
});
