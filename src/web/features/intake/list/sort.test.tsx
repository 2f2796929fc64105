import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers, unitsAnswer } from '../../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor } from '../../../testing/render.js';
import { escalation, summary } from '../intake.fixtures.js';

/** The intake list sorted by a header: asked of the server, kept in the URL, announced by aria-sort. */
let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

const answers = {
  ...shellAnswers,
  'GET /api/auth/me': sessionWith(['intake.read']),
  'GET /api/org/units': unitsAnswer,
  'GET /api/intake/modus': { items: [] },
  'GET /api/intake/views': { items: [] },
  'GET /api/intake/stats': { total: 1, byUnit: [], byCategory: [], byModus: [] },
  'GET /api/intake/consultations': { items: [{ ...summary, snippet: null }], total: 1, capped: false, page: 1, pageSize: 50 },
};
const listCalls = () => (page?.api.calls ?? []).filter((c) => c.startsWith('GET /api/intake/consultations'));
const header = (name: RegExp) => {
  if (!page) throw new Error('no page open');
  return page.getByRole('columnheader', { name });
};

test('a header click sorts on the server, shows the order on the header and keeps it in the URL', async () => {
  page = await openPage('/intake?page=3', answers);
  await page.findByRole('link', { name: summary.refNo });
  // Unsorted, the list is newest received first, and says so on that header.
  assert.equal(header(/受理日時/).getAttribute('aria-sort'), 'descending');
  assert.equal(header(/被害額/).getAttribute('aria-sort'), 'none');
  assert.equal(page.queryByRole('button', { name: /件名/ }), null, 'the 件名 column is not sortable');

  fireEvent.click(page.getByRole('button', { name: /被害額/ }));
  await waitFor(() => assert.match(listCalls().at(-1) ?? '', /sort=damageAmount&order=asc/));
  assert.doesNotMatch(listCalls().at(-1) ?? '', /page=3/, 'another order starts at its first page');
  assert.equal(header(/被害額/).getAttribute('aria-sort'), 'ascending');
  assert.equal(header(/受理日時/).getAttribute('aria-sort'), 'none');
  assert.match(page.router.state.location.href, /sort=damageAmount/);

  fireEvent.click(page.getByRole('button', { name: /被害額/ }));
  await waitFor(() => assert.match(listCalls().at(-1) ?? '', /sort=damageAmount&order=desc/));
  assert.equal(header(/被害額/).getAttribute('aria-sort'), 'descending');
});

test('a sorted URL opens sorted; a column not on the list is ignored rather than sent', async () => {
  page = await openPage('/intake?sort=category&order=desc', answers);
  await page.findByRole('link', { name: summary.refNo });
  assert.match(listCalls()[0] ?? '', /sort=category&order=desc/);
  assert.equal(header(/分類/).getAttribute('aria-sort'), 'descending');
  closePage(page);
  page = await openPage('/intake?sort=narrative', answers);
  await page.findByRole('link', { name: summary.refNo });
  assert.doesNotMatch(listCalls()[0] ?? '', /sort=/);
});

test('the 報告受信 queue, read whole, sorts in the browser by a header and keeps the sort in the URL', async () => {
  const later = { ...escalation, id: 'e-2', consultationId: 'c-2', refNo: 'R8-000124', dueAt: '2026-11-30T09:00:00.000Z' };
  const opened = await openPage('/intake/escalations?sort=dueAt&order=desc', {
    ...answers,
    'GET /api/auth/me': sessionWith(['intake.read', 'intake.escalations.handle']),
    'GET /api/intake/escalations': { items: [escalation, later] },
    'GET /api/intake/access-requests': { items: [] },
  });
  page = opened;
  await page.findByText(later.refNo);
  const order = () => opened.getAllByRole('link', { name: /^R8-/ }).map((link) => link.textContent);
  assert.deepEqual(order(), ['R8-000124', 'R8-000123']);
  const due = page.getByRole('columnheader', { name: /確認期限/ });
  assert.equal(due.getAttribute('aria-sort'), 'descending');
  fireEvent.click(page.getByRole('button', { name: /確認期限/ }));
  await waitFor(() => assert.deepEqual(order(), ['R8-000123', 'R8-000124']));
  assert.match(page.router.state.location.href, /sort=dueAt&order=asc/);
});
