import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers } from '../../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor } from '../../../testing/render.js';

/** Every select of the form says 「選択してください」 while nothing is chosen; none is silently preselected where a choice is required. */
let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

const answers = {
  ...shellAnswers,
  'GET /api/auth/me': sessionWith(['intake.read', 'intake.write']),
  'GET /api/intake/modus': { items: [{ code: 'phishing', ja: 'フィッシング', en: 'Phishing', active: true }] },
};

test('empty selects of the intake form show 「選択してください」, and the account type must be chosen', async () => {
  const opened = await openPage('/intake/new', answers);
  page = opened;
  await page.findByText('相談者・被害者');
  for (const name of ['分類', '手口']) {
    const input = opened.getByLabelText(new RegExp(`^${name}`), { selector: 'input' }) as HTMLInputElement;
    assert.equal(input.getAttribute('placeholder'), '選択してください', name);
    assert.equal(input.value, '', name);
  }
  const shown = (name: RegExp) => {
    const select = opened.getByRole('combobox', { name }) as HTMLSelectElement;
    return select.selectedOptions[0]?.textContent;
  };
  assert.equal(shown(/被害の種類/), '選択してください');
  assert.equal(shown(/相談者の年齢層/), '選択してください');

  fireEvent.click(page.getByRole('checkbox', { name: '相談者の口座情報を入力する' }));
  const type = (await page.findByRole('combobox', { name: /相談者の預金種目/ })) as HTMLSelectElement;
  assert.equal(type.value, '', 'no account type is chosen for the officer');
  assert.equal(shown(/相談者の預金種目/), '選択してください');
  assert.equal(type.required, true);

  fireEvent.submit(type.closest('form') as HTMLFormElement);
  await waitFor(() => assert.equal(type.getAttribute('aria-invalid'), 'true'));
});
