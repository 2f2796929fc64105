import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers } from '../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor, within } from '../../testing/render.js';

let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

test('/indicators opens 照会, and the three tabs are in Japanese', async () => {
  page = await openPage('/indicators', { ...shellAnswers, 'GET /api/auth/me': sessionWith(['indicators.read', 'indicators.extract']) });
  await page.findByRole('heading', { name: '指標・相関分析', level: 1 });
  await waitFor(() => assert.equal(page?.router.state.location.pathname, '/indicators/lookup'));
  assert.deepEqual(
    page.getAllByRole('tab').map((tab) => tab.textContent),
    ['照会', '抽出', '警告リスト'],
  );
  assert.equal(page.getByRole('tab', { name: '照会' }).getAttribute('aria-selected'), 'true');
});

test('a user who may only extract sees only 抽出, and the old ?tab= link lands there', async () => {
  page = await openPage('/indicators?tab=extract', { ...shellAnswers, 'GET /api/auth/me': sessionWith(['indicators.extract']) });
  await waitFor(() => assert.equal(page?.router.state.location.pathname, '/indicators/extract'));
  assert.deepEqual(
    page.getAllByRole('tab').map((tab) => tab.textContent),
    ['抽出'],
  );
});

test('opening a tab without its permission shows the notice', async () => {
  page = await openPage('/indicators/lookup', { ...shellAnswers, 'GET /api/auth/me': sessionWith(['indicators.extract']) });
  await page.findByText('この画面を利用する権限がありません');
});

test('without any indicators permission the page shows only the notice', async () => {
  page = await openPage('/indicators', { ...shellAnswers, 'GET /api/auth/me': sessionWith(['intake.read']) });
  await page.findByText('この画面を利用する権限がありません');
  assert.equal(page.queryAllByRole('tab').length, 0);
});

test('extraction hits sort by a header (kept in the URL) and 「本文で表示」 still finds each hit where it is in the text', async () => {
  const text = '連絡先 050-3123-4567 と https://example.test/ を確認';
  const hit = (type: string, value: string, raw: string, recordCount: number | null) => ({
    type,
    value,
    raw,
    start: text.indexOf(raw),
    end: text.indexOf(raw) + raw.length,
    defanged: false,
    warnings: [],
    known: recordCount === null ? null : { indicatorId: recordCount, recordCount, common: false },
  });
  const hits = [hit('phone', '+815031234567', '050-3123-4567', 2), hit('url', 'https://example.test/', 'https://example.test/', 9)];
  const opened = await openPage('/indicators/extract', {
    ...shellAnswers,
    'GET /api/auth/me': sessionWith(['indicators.extract']),
    'GET /api/indicators/warninglists': { lists: [] },
    'POST /api/indicators/extract': { hits },
  });
  page = opened;
  fireEvent.change(await opened.findByRole('textbox', { name: /本文/ }), { target: { value: text } });
  fireEvent.click(opened.getByRole('button', { name: '抽出' }));
  const raws = () => opened.getAllByRole('button', { name: /本文中の/ }).map((b) => b.textContent);
  await waitFor(() => assert.deepEqual(raws(), ['050-3123-4567', 'https://example.test/']));
  const known = opened.getByRole('columnheader', { name: /既知/ });
  assert.equal(known.getAttribute('aria-sort'), 'none');
  fireEvent.click(within(known).getByRole('button'));
  await waitFor(() => assert.equal(known.getAttribute('aria-sort'), 'ascending'));
  fireEvent.click(within(known).getByRole('button'));
  await waitFor(() => assert.deepEqual(raws(), ['https://example.test/', '050-3123-4567']));
  assert.equal(known.getAttribute('aria-sort'), 'descending');
  assert.match(opened.router.state.location.href, /sort=known&order=desc/);
  // The hit moved to the first row is still the second one in the text.
  fireEvent.click(opened.getByRole('button', { name: '本文中の「https://example.test/」へ移動' }));
  await waitFor(() => assert.equal(document.activeElement?.textContent, 'https://example.test/'));
});
