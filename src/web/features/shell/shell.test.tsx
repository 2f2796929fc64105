import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers } from '../../testing/fixtures.js';
import { closePage, openPage, within } from '../../testing/render.js';

let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

test('home names the user with their unit, and the menu shows only the domains they may open', async () => {
  page = await openPage('/', { ...shellAnswers, 'GET /api/auth/me': sessionWith(['intake.read']) });
  await page.findByText('佐藤 一郎さん（中央警察署・署員）');
  await page.findByText('いま対応が必要なものはありません');
  const menu = page.getByRole('navigation', { name: 'メインメニュー' });
  assert.ok(within(menu).getByRole('link', { name: '相談受理' }));
  // No indicators.* and no admin permission: those entries are not offered.
  assert.equal(within(menu).queryByRole('link', { name: '指標・相関分析' }), null);
  assert.equal(within(menu).queryByRole('link', { name: 'システム管理' }), null);
  // A domain no feature builds yet carries the 準備中 badge.
  assert.ok(within(menu).getByRole('link', { name: /犯罪インフラ対策\s*準備中/ }));
});

test('a domain not built yet says 準備中 under its own title', async () => {
  page = await openPage('/countermeasures', { ...shellAnswers, 'GET /api/auth/me': sessionWith([]) });
  await page.findByRole('heading', { name: '犯罪インフラ対策', level: 1 });
  assert.ok(page.getByText('この機能は準備中です'));
});

test('an unknown address shows the not-found page', async () => {
  page = await openPage('/no-such-page', { ...shellAnswers, 'GET /api/auth/me': sessionWith([]) });
  await page.findByText(/ページが見つかりません/);
});

const item = (id: string, title: string, link: string, tone: 'danger' | 'warning' | 'info' | 'neutral', at: string | null = null) => ({
  id,
  title: { ja: title, en: title },
  detail: null,
  link,
  at,
  atKind: at ? ('due' as const) : null,
  tone,
});
const section = (key: string, ja: string, count: number, items: ReturnType<typeof item>[], actionable = true) => ({
  key,
  domain: 'intake',
  label: { ja, en: ja },
  count,
  actionable,
  tone: 'danger' as const,
  items,
  more: '/intake/escalations',
});

test('an analyst lands on the reports past their deadline, linked to the queue, with the count in the menu', async () => {
  page = await openPage('/', {
    ...shellAnswers,
    'GET /api/auth/me': sessionWith(['intake.read', 'intake.escalations.handle'], {
      role: 'cyberAnalyst',
      unit: { id: 'c', name: 'サイバー課' },
    }),
    'GET /api/home': {
      sections: [
        section('intake.escalations.new', '新しい報告（未確認）', 0, []),
        section('intake.escalations.overdue', '確認期限を過ぎた報告', 2, [
          item('e1', '2026-000101 サポート詐欺の相談', '/intake/escalations#esc-e1', 'danger', '2026-12-07T04:40:00Z'),
          item('e2', '2026-000102 投資詐欺の相談', '/intake/escalations#esc-e2', 'danger', '2026-12-07T05:00:00Z'),
        ]),
      ],
      counts: { intake: 2 },
      total: 2,
    },
  });
  await page.findByText('対応が必要なものが 2 件あります');
  const overdue = page.getByRole('region', { name: '確認期限を過ぎた報告' });
  const link = within(overdue).getByRole('link', { name: '2026-000101 サポート詐欺の相談' });
  assert.equal(link.getAttribute('href'), '/intake/escalations#esc-e1');
  assert.ok(within(overdue).getByText('期限 2026/12/07 13:40'), 'dates one way: JST to the minute');
  // Waiting work comes before the empty section.
  const headings = page.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
  assert.deepEqual(headings, ['確認期限を過ぎた報告', '新しい報告（未確認）']);
  const menu = page.getByRole('navigation', { name: 'メインメニュー' });
  assert.ok(within(menu).getByRole('link', { name: /相談受理\s*対応が必要 2 件/ }));
  assert.ok(within(menu).getByRole('link', { name: /ホーム\s*対応が必要 2 件/ }));
  assert.equal(document.title, 'ホーム | 連携');
});

test('the executive sees the figures of the strategy, the partner account what it is for', async () => {
  page = await openPage('/', {
    ...shellAnswers,
    'GET /api/auth/me': sessionWith(['org.units.read', 'dashboard.read'], { role: 'executive', unit: { id: 'hq', name: '本部' } }),
    'GET /api/home': {
      sections: [
        {
          ...section('intake.progress', '推進項目 2(1)(3) 相談受理と署・本部の連携（2026年）', 0, [], false),
          figures: [{ label: { ja: '2026年の相談等受理', en: 'x' }, value: 3120, unit: { ja: '件', en: '' } }],
        },
      ],
      counts: {},
      total: 0,
    },
  });
  const figures = await page.findByRole('region', { name: /推進項目 2\(1\)\(3\)/ });
  assert.ok(within(figures).getByText('2026年の相談等受理'));
  assert.ok(within(figures).getByText('3,120'));
  closePage(page);
  page = await openPage('/', { ...shellAnswers, 'GET /api/auth/me': sessionWith([], { role: 'partner' }) });
  await page.findByText(/連携先の機械接続用です/);
});
