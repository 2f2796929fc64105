import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers, unitsAnswer } from '../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor } from '../../testing/render.js';
import { detail } from './intake.fixtures.js';

/** Values people can read, and the roles an officer gives them, in the intake form and record. */
let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

const answers = {
  ...shellAnswers,
  'GET /api/auth/me': sessionWith(['intake.read', 'intake.write', 'indicators.read', 'org.units.read']),
  'GET /api/org/units': unitsAnswer,
  'GET /api/intake/modus': { items: [] },
  'GET /api/intake/views': { items: [] },
};

const withValues = {
  ...detail,
  narrative: '050-5212-7788 から電話があり、三菱UFJ銀行 新宿支店 普通 1234567 に振り込んだ。',
  indicators: [
    { id: 7, type: 'phone', value: '+815052127788', role: 'unknown' as const },
    {
      id: 8,
      type: 'bankAccount',
      value: '0005-341-1-1234567',
      role: 'unknown' as const,
      attributes: { bankName: '三菱ＵＦＪ', branchName: '新宿' },
    },
  ],
};

test('a record lists its values as people write them, with the canonical form to copy', async () => {
  page = await openPage('/intake/c-1', { ...answers, 'GET /api/intake/consultations/c-1': withValues });
  await page.findByText('050-5212-7788', undefined, { timeout: 5000 });
  assert.ok(page.getByText('（IP電話）'));
  assert.ok(page.getByText('三菱UFJ銀行 新宿支店 普通 1234567'));
  assert.ok(page.getByRole('button', { name: 'コピー: +815052127788' }));
  assert.ok(page.getByRole('button', { name: 'コピー: 0005-341-1-1234567' }));
  assert.equal(page.queryByText('+815052127788'), null, 'E.164 is not what a person reads');
});

test('the record’s owner sets a value’s role: the change is saved as an update with the version', async () => {
  let sent: unknown;
  page = await openPage('/intake/c-1', {
    ...answers,
    'GET /api/intake/consultations/c-1': withValues,
    'PATCH /api/intake/consultations/c-1': ({ body }: { body: unknown }) => {
      sent = body;
      return { status: 200, body: { id: 'c-1', version: 2, status: 'received' } };
    },
  });
  const select = await page.findByRole('combobox', { name: '050-5212-7788（IP電話） の役割' }, { timeout: 5000 });
  fireEvent.change(select, { target: { value: 'offender' } });
  await waitFor(() => assert.ok(sent));
  assert.deepEqual(sent, { version: 1, indicatorRoles: [{ type: 'phone', value: '+815052127788', role: 'offender' }] });
});

test('in the form, the complainant’s own number starts unticked; the other party’s is ticked and its role can be chosen', async () => {
  const form = await openPage('/intake/new', {
    ...answers,
    'POST /api/intake/preview': {
      hits: [
        { type: 'phone', value: '+81222111111', raw: '022-211-1111', start: 3, end: 15, benign: false, role: 'victim' },
        { type: 'phone', value: '+815031112222', raw: '050-3111-2222', start: 20, end: 33, benign: false, role: 'unknown' },
      ],
      related: [],
    },
  });
  page = form;
  const narrative = await form.findByRole('textbox', { name: /相談内容/ }, { timeout: 5000 });
  fireEvent.change(narrative, { target: { value: '連絡先 022-211-1111、相手 050-3111-2222' } });
  const own = await form.findByRole('checkbox', { name: '電話番号 022-211-1111（固定電話） を指標として登録' }, { timeout: 3000 });
  await waitFor(() => assert.equal((own as HTMLInputElement).checked, false));
  const other = form.getByRole('checkbox', { name: '電話番号 050-3111-2222（IP電話） を指標として登録' }) as HTMLInputElement;
  assert.equal(other.checked, true);
  assert.ok(form.getByText('相談者・被害者自身の値のため、登録しない設定にしています'));
  const role = form.getByRole('combobox', { name: '050-3111-2222（IP電話） の役割' }) as HTMLSelectElement;
  assert.equal(role.value, 'unknown');
  fireEvent.change(role, { target: { value: 'offender' } });
  await waitFor(() =>
    assert.equal((form.getByRole('combobox', { name: '050-3111-2222（IP電話） の役割' }) as HTMLSelectElement).value, 'offender'),
  );
  // The officer may still record it: ticking puts it back.
  fireEvent.click(own);
  await waitFor(() => assert.equal((own as HTMLInputElement).checked, true));
});
