import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { changeLanguage } from '../../i18n/index.js';
import { sessionWith, shellAnswers, unitsAnswer } from '../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor } from '../../testing/render.js';
import { detail, escalation, summary } from './intake.fixtures.js';

/** In English, units read by their English names and lists are joined with ", ". */
let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => {
  closePage(page);
  changeLanguage('ja');
});

const answers = {
  ...shellAnswers,
  'GET /api/auth/me': sessionWith(['intake.read', 'intake.escalations.handle', 'org.units.read'], {
    unit: { id: 'unit-1', name: '中央警察署', nameEn: 'Chuo Police Station' },
  }),
  'GET /api/org/units': unitsAnswer,
  'GET /api/intake/modus': { items: [] },
  'GET /api/intake/views': { items: [] },
  'GET /api/intake/access-requests': { items: [] },
  'GET /api/intake/stats': {
    total: 1,
    byUnit: [{ unitId: 'unit-1', unitName: '中央警察署', unitNameEn: 'Chuo Police Station', n: 1 }],
    byCategory: [],
    byModus: [],
  },
  'GET /api/intake/consultations': { items: [{ ...summary, snippet: null }], total: 1, capped: false, page: 1, pageSize: 50 },
  'GET /api/intake/escalations': { items: [escalation] },
};
const body = () => document.body.textContent ?? '';

test('the list, its counts and the 報告受信 queue name units in English', async () => {
  page = await openPage('/intake', answers);
  await page.findByRole('link', { name: summary.refNo });
  changeLanguage('en');
  await waitFor(() => assert.match(body(), /Chuo Police Station/));
  assert.doesNotMatch(body(), /中央警察署/);
  closePage(page);
  page = await openPage('/intake/escalations', answers);
  changeLanguage('en');
  await waitFor(() => assert.match(body(), /Chuo Police Station/));
  assert.doesNotMatch(body(), /中央警察署/);
});

test('a record names its unit, the units it is shared with and its contact methods the English way', async () => {
  const shared = {
    ...detail,
    contactMethods: ['sms', 'email'],
    sharedWith: [
      {
        unitId: 'unit-2',
        unitName: '石巻警察署',
        unitNameEn: 'Ishinomaki Police Station',
        sharedAt: '2026-12-01T00:00:00.000Z',
        reason: '同種',
        allowReveal: false,
      },
    ],
    timeline: [
      {
        id: 't-1',
        at: '2026-12-01T00:00:00.000Z',
        kind: 'shared',
        actorName: '佐藤 一郎',
        actorUnitName: '中央警察署',
        actorUnitNameEn: 'Chuo Police Station',
        text: 'same scam',
        detail: { unit: '石巻警察署', unitEn: 'Ishinomaki Police Station', allowReveal: false },
      },
    ],
  };
  page = await openPage('/intake/c-1', {
    ...answers,
    'GET /api/intake/consultations/c-1': shared,
    'GET /api/intake/consultations/c-1/files': { items: [] },
  });
  await page.findByText(detail.summary, { exact: false });
  changeLanguage('en');
  await waitFor(() => assert.match(body(), /Shared with Ishinomaki Police Station: same scam/));
  assert.match(body(), /Chuo Police Station/);
  assert.doesNotMatch(body(), /中央警察署|石巻警察署/);
  assert.match(body(), /SMS, Email/);
});

test('a notification sent with an English form is read in English, its unit by the English name', async () => {
  const notice = {
    id: 'n-1',
    kind: 'intake.accessRequest',
    title: '【閲覧依頼】中央警察署 佐藤 一郎: 電話番号 +818071712323',
    body: '他所属の記録 2 件の閲覧を希望しています。理由: 同種',
    titleEn: '[Access request] Chuo Police Station 佐藤 一郎: Phone number +818071712323',
    bodyEn: 'Asks to read 2 records of other units. Reason: 同種',
    link: '/intake/access-requests/r-1',
    createdAt: '2026-12-07T01:00:00.000Z',
    readAt: null,
  };
  page = await openPage('/intake', { ...answers, 'GET /api/notifications': { items: [notice], unread: 1 } });
  await page.findByRole('link', { name: summary.refNo });
  changeLanguage('en');
  const opened = page;
  fireEvent.click(await opened.findByRole('button', { name: /notification/i }));
  await opened.findByText(notice.titleEn);
  assert.equal(opened.queryByText(notice.title), null);
});
