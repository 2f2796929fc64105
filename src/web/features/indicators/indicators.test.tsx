import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers } from '../../testing/fixtures.js';
import { closePage, openPage, waitFor } from '../../testing/render.js';

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
