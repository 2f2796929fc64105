import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers } from '../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor, within } from '../../testing/render.js';

let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

const manager = sessionWith(['intake.read', 'cases.read', 'cases.write', 'intake.settings.manage'], { role: 'cyberAnalyst' });
const answers = {
  ...shellAnswers,
  'GET /api/auth/me': manager,
  'GET /api/intake/modus': {
    items: [
      { code: 'ransomware', ja: 'ランサムウェア', en: 'Ransomware', active: true, sort: 10 },
      { code: 'phishing', ja: 'フィッシング', en: 'Phishing', active: true, sort: 20 },
    ],
  },
  'GET /api/cases/task-templates': {
    items: [
      {
        modus: 'ransomware',
        items: [
          { title: 'ログ保全依頼', days: 1 },
          { title: '被害範囲の確認', days: 3 },
        ],
      },
    ],
  },
};

test('捜査事項のひな形: a 手口’s lines are edited, checked, and saved whole with their due days', async () => {
  const sent: { url: string; body: unknown }[] = [];
  page = await openPage('/cases/templates', {
    ...answers,
    'PUT /api/cases/task-templates/ransomware': ({ url, body }: { url: URL; body: unknown }) => {
      sent.push({ url: url.pathname, body });
      return { status: 200, body: { items: [] } };
    },
  });
  await page.findByRole('heading', { name: '捜査事項のひな形', level: 1 });
  const form = page.getByRole('form', { name: '捜査事項のひな形の編集' });
  assert.equal((within(form).getByLabelText('1行目の捜査事項') as HTMLInputElement).value, 'ログ保全依頼');
  assert.equal((within(form).getByLabelText('2行目の期限（日後）') as HTMLInputElement).value, '3');
  fireEvent.click(within(form).getByRole('button', { name: '行を追加' }));
  fireEvent.change(within(form).getByLabelText('3行目の捜査事項'), { target: { value: '解析依頼' } });
  fireEvent.change(within(form).getByLabelText('3行目の期限（日後）'), { target: { value: '400' } });
  fireEvent.click(within(form).getByRole('button', { name: '保存' }));
  await within(form).findByText('期限は 0〜365 の日数で入力してください');
  assert.equal(sent.length, 0, 'nothing sent while a line is wrong');
  fireEvent.change(within(form).getByLabelText('3行目の期限（日後）'), { target: { value: '' } });
  fireEvent.click(within(form).getByRole('button', { name: '1行目を削除' }));
  fireEvent.click(within(form).getByRole('button', { name: '保存' }));
  await waitFor(() =>
    assert.deepEqual(sent, [
      {
        url: '/api/cases/task-templates/ransomware',
        body: {
          items: [
            { title: '被害範囲の確認', days: 3 },
            { title: '解析依頼', days: null },
          ],
        },
      },
    ]),
  );
  await page.findByText('ひな形を保存しました');
  // Another 手口 starts from its own (here empty) checklist.
  fireEvent.change(page.getByLabelText('手口'), { target: { value: 'phishing' } });
  const other = page.getByRole('form', { name: '捜査事項のひな形の編集' });
  await waitFor(() => assert.equal((within(other).getByLabelText('1行目の捜査事項') as HTMLInputElement).value, ''));
});

test('an officer without the permission to manage 手口 is shown the notice, not the editor', async () => {
  page = await openPage('/cases/templates', { ...answers, 'GET /api/auth/me': sessionWith(['cases.read', 'cases.write']) });
  await page.findByText('この画面を利用する権限がありません');
  assert.ok(!page.api.calls.some((c) => c.startsWith('GET /api/cases/task-templates')), 'nothing is asked of the server');
  assert.equal(page.queryByRole('form', { name: '捜査事項のひな形の編集' }), null);
});
