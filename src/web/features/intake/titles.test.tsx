import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers, unitsAnswer } from '../../testing/fixtures.js';
import { closePage, openPage, waitFor } from '../../testing/render.js';
import { detail, escalation, summary } from './intake.fixtures.js';

/** Each page's browser-tab title says what its own heading says (the tab, history and a screen reader's page list). */
let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

const answers = {
  ...shellAnswers,
  'GET /api/auth/me': sessionWith(['intake.read', 'intake.write', 'intake.escalations.handle', 'intake.settings.manage', 'intake.import']),
  'GET /api/org/units': unitsAnswer,
  'GET /api/intake/modus': { items: [] },
  'GET /api/intake/rules': { items: [] },
  'GET /api/intake/views': { items: [] },
  'GET /api/intake/stats': { total: 1, byUnit: [], byCategory: [], byModus: [] },
  'GET /api/intake/consultations': { items: [{ ...summary, snippet: null }], total: 1, capped: false, page: 1, pageSize: 50 },
  'GET /api/intake/consultations/c-1': detail,
  'GET /api/intake/escalations': { items: [escalation] },
  'GET /api/intake/access-requests': { items: [] },
};

/** The headings of the page (h1 and h2), as a person reads them. */
const headings = () => [...document.querySelectorAll('h1, h2')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());

const pages: [url: string, heading: string][] = [
  ['/intake', '相談等一覧'],
  ['/intake/new', '新規受理'],
  ['/intake/escalations', '報告受信'],
  ['/intake/access-requests', '閲覧依頼'],
  ['/intake/import', '相談簿の取り込み'],
  ['/intake/settings', '相談受理の設定'],
  ['/intake/c-1', `${detail.refNo} ${detail.summary}`],
];

for (const [url, heading] of pages) {
  test(`${url}: the title is 「${heading}」, a heading of the page`, async () => {
    page = await openPage(url, answers);
    await waitFor(() => assert.ok(headings().includes(heading), `${heading} in ${JSON.stringify(headings())}`));
    await waitFor(() => assert.equal(document.title, `${heading} | 連携`));
  });
}
