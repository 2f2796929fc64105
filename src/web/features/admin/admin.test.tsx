import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers, unitsAnswer } from '../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor, within } from '../../testing/render.js';

let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

const user = {
  id: 'u-2',
  loginId: 'tanaka',
  displayName: '田中 花子',
  role: 'stationOfficer',
  unitId: 'unit-1',
  unitName: '中央警察署',
  unitNameEn: 'Chuo Police Station',
  disabled: false,
  locked: false,
  mfaEnabled: true,
  mustChangePassword: false,
  createdAt: '2026-04-01T00:00:00.000Z',
};
const answers = { ...shellAnswers, 'GET /api/org/units': unitsAnswer, 'GET /api/admin/users': { items: [user] } };

test('/admin opens the first tab the user may see, as its own address, with the users from the server', async () => {
  page = await openPage('/admin', { ...answers, 'GET /api/auth/me': sessionWith(['org.users.read', 'org.units.read']) });
  await page.findByText('田中 花子');
  assert.equal(page.router.state.location.pathname, '/admin/users');
  assert.equal(page.getByRole('tab', { name: '職員' }).getAttribute('aria-selected'), 'true');
  // Only the tabs this user's permissions open.
  assert.deepEqual(
    page.getAllByRole('tab').map((tab) => tab.textContent),
    ['職員', '所属'],
  );
});

test('a link from before tabs had paths (/admin?tab=units) still lands on the tab', async () => {
  page = await openPage('/admin?tab=units', { ...answers, 'GET /api/auth/me': sessionWith(['org.users.read', 'org.units.read']) });
  await waitFor(() => assert.equal(page?.router.state.location.pathname, '/admin/units'));
  await page.findByText('サイバー課');
});

test('without an administration permission the page says so', async () => {
  page = await openPage('/admin', { ...answers, 'GET /api/auth/me': sessionWith(['org.units.read']) });
  await page.findByRole('heading', { name: 'システム管理', level: 1 });
  assert.ok(page.getByText('この画面を利用する権限がありません'));
  assert.equal(page.queryAllByRole('tab').length, 0);
});

test('the users table sorts by a header and keeps the sort in the URL, so a reload opens it sorted', async () => {
  const abe = { ...user, id: 'u-3', loginId: 'abe', displayName: '阿部 一郎' };
  const sorted = {
    ...answers,
    'GET /api/admin/users': { items: [user, abe] },
    'GET /api/auth/me': sessionWith(['org.users.read', 'org.units.read']),
  };
  const opened = await openPage('/admin/users?sort=loginId&order=asc', sorted);
  page = opened;
  await page.findByText('田中 花子');
  const ids = () =>
    opened
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('td')?.textContent);
  assert.deepEqual(ids(), ['abe', 'tanaka']);
  const header = page.getByRole('columnheader', { name: /ログインID/ });
  assert.equal(header.getAttribute('aria-sort'), 'ascending');
  fireEvent.click(within(header).getByRole('button'));
  await waitFor(() => assert.deepEqual(ids(), ['tanaka', 'abe']));
  assert.equal(header.getAttribute('aria-sort'), 'descending');
  assert.match(page.router.state.location.href, /sort=loginId&order=desc/);
});
