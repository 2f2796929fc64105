import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers } from '../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor, within } from '../../testing/render.js';

let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

const me = sessionWith(['intake.read']);

test('account settings show a side menu; personal tokens only with their permission', async () => {
  page = await openPage('/account', { ...shellAnswers, 'GET /api/auth/me': me });
  await page.findByRole('heading', { name: 'アカウント設定', level: 1 });
  const menu = page.getByRole('navigation', { name: 'アカウント設定メニュー' });
  assert.deepEqual(
    within(menu)
      .getAllByRole('link')
      .map((link) => link.textContent),
    ['概要', 'パスワード変更', '二要素認証', 'ログイン中の端末'],
  );
});

test('the sessions page lists the devices the server returns, this one marked', async () => {
  page = await openPage('/account/sessions', {
    ...shellAnswers,
    'GET /api/auth/me': me,
    'GET /api/auth/sessions': {
      items: [
        {
          id: 's-1',
          createdAt: '2026-12-01T00:00:00.000Z',
          lastSeenAt: '2026-12-07T00:00:00.000Z',
          clientIp: '10.0.0.5',
          userAgent: null,
          current: true,
        },
        {
          id: 's-2',
          createdAt: '2026-11-01T00:00:00.000Z',
          lastSeenAt: '2026-11-02T00:00:00.000Z',
          clientIp: '10.0.0.9',
          userAgent: null,
          current: false,
        },
      ],
    },
  });
  await page.findByText('この端末');
  assert.equal(page.getAllByRole('button', { name: /のログインを無効化/ }).length, 1);
  // Newest use first; a click on a header sorts by that column, and says so to screen readers.
  const ips = () =>
    page
      ?.getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getByText(/^10\.0\.0\./).textContent);
  assert.deepEqual(ips(), ['10.0.0.5', '10.0.0.9']);
  const header = page.getByRole('columnheader', { name: /最終利用/ });
  assert.equal(header.getAttribute('aria-sort'), 'descending');
  fireEvent.click(within(header).getByRole('button'));
  assert.equal(header.getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(ips(), ['10.0.0.9', '10.0.0.5']);
});

test('a temporary password holds the user on the password page, without the menu', async () => {
  page = await openPage('/intake', { ...shellAnswers, 'GET /api/auth/me': sessionWith(['intake.read'], { mustChangePassword: true }) });
  await waitFor(() => assert.equal(page?.router.state.location.pathname, '/account/password'));
  assert.equal(page.queryByRole('navigation', { name: 'アカウント設定メニュー' }), null);
});
