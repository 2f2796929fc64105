import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers, unitsAnswer } from '../../testing/fixtures.js';
import { closePage, openPage } from '../../testing/render.js';
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
