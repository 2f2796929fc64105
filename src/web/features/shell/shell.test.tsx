import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers } from '../../testing/fixtures.js';
import { closePage, openPage, within } from '../../testing/render.js';

let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

test('home greets the user with their unit, and the menu shows only the domains they may open', async () => {
  page = await openPage('/', { ...shellAnswers, 'GET /api/auth/me': sessionWith(['intake.read']) });
  await page.findByText('ようこそ、佐藤 一郎さん');
  assert.ok(page.getAllByText('中央警察署').length > 0);
  const menu = page.getByRole('navigation', { name: 'メインメニュー' });
  assert.ok(within(menu).getByRole('link', { name: '相談受理' }));
  // No indicators.* and no admin permission: those entries are not offered.
  assert.equal(within(menu).queryByRole('link', { name: '指標・相関分析' }), null);
  assert.equal(within(menu).queryByRole('link', { name: 'システム管理' }), null);
  // A domain no feature builds yet carries the 準備中 badge.
  assert.ok(within(menu).getByRole('link', { name: /事件・支援要請\s*準備中/ }));
});

test('a domain not built yet says 準備中 under its own title', async () => {
  page = await openPage('/cases', { ...shellAnswers, 'GET /api/auth/me': sessionWith([]) });
  await page.findByRole('heading', { name: '事件・支援要請', level: 1 });
  assert.ok(page.getByText('この機能は準備中です'));
});

test('an unknown address shows the not-found page', async () => {
  page = await openPage('/no-such-page', { ...shellAnswers, 'GET /api/auth/me': sessionWith([]) });
  await page.findByText(/ページが見つかりません/);
});
