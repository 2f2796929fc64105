import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers, unitsAnswer } from '../../testing/fixtures.js';
import { closePage, fireEvent, openPage, waitFor, within } from '../../testing/render.js';
import { detail, summary } from './intake.fixtures.js';

// A consultation's page seen from the case side: 「事件化」 and the cases it became (features/cases).
let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

const answers = {
  ...shellAnswers,
  'GET /api/org/units': unitsAnswer,
  'GET /api/intake/modus': { items: [] },
  'GET /api/intake/consultations/c-1': detail,
  'GET /api/cases/by-consultation/c-1': {
    items: [
      { id: 'k-1', caseNo: '2026-事-000123', status: 'investigating', readable: true },
      { id: 'k-2', caseNo: '2026-事-000124', status: 'lead', readable: false },
    ],
  },
};

test('a consultation names the cases it became, linking only those the reader may open', async () => {
  page = await openPage('/intake/c-1', { ...answers, 'GET /api/auth/me': sessionWith(['intake.read']) });
  const link = await page.findByRole('link', { name: '2026-事-000123' });
  assert.equal(link.getAttribute('href'), '/cases/k-1');
  assert.ok(page.getByText('2026-事-000124'));
  assert.equal(page.queryByRole('link', { name: '2026-事-000124' }), null);
  assert.ok(page.getByText('捜査中'));
  // Without cases.write there is no 事件化.
  assert.equal(page.queryByRole('button', { name: '事件化' }), null);
});

test('事件化 opens a case from the consultation with its summary as the title, then goes to the case', async () => {
  const sent: unknown[] = [];
  page = await openPage('/intake/c-1', {
    ...answers,
    'GET /api/auth/me': sessionWith(['intake.read', 'cases.read', 'cases.write'], { role: 'caseInvestigator' }),
    'GET /api/cases/by-consultation/c-1': { items: [] },
    'POST /api/cases': ({ body }: { body: unknown }) => {
      sent.push(body);
      return { status: 201, body: { id: 'k-9', caseNo: '2026-事-000200', version: 1 } };
    },
    'GET /api/cases/k-9': {
      id: 'k-9',
      caseNo: '2026-事-000200',
      title: summary.summary,
      status: 'lead',
      owningUnitId: 'unit-1',
      owningUnitName: '中央警察署',
      owningUnitNameEn: 'Chuo PS',
      leadUserId: 'u-1',
      leadName: '佐藤 一郎',
      category: null,
      modus: null,
      openedAt: '2026-12-07T05:00:00.000Z',
      updatedAt: '2026-12-07T05:00:00.000Z',
      narrative: '',
      arrestedCount: null,
      referredOn: null,
      dropReason: null,
      version: 1,
      nextStatuses: ['investigating', 'dropped'],
      consultations: [{ id: 'c-1', linkedAt: '2026-12-07T05:00:00.000Z', readable: true }],
      indicators: [],
      related: [],
      tasks: [],
      requests: [],
      members: [],
      damage: { total: 0, counted: 0 },
      timeline: [],
      canNote: true,
    },
    'GET /api/cases/k-9/assignees': { people: [], units: [] },
  });
  fireEvent.click(await page.findByRole('button', { name: '事件化' }));
  const dialog = await page.findByRole('dialog', { name: '相談から事件化' });
  const title = within(dialog).getByLabelText(/件名/) as HTMLInputElement;
  assert.equal(title.value, summary.summary);
  fireEvent.click(within(dialog).getByRole('button', { name: '事件として登録' }));
  await waitFor(() => assert.equal(sent.length, 1));
  assert.deepEqual(sent[0], { title: summary.summary, consultationIds: ['c-1'] });
  await page.findByRole('heading', { name: `2026-事-000200 ${summary.summary}`, level: 1 });
  assert.equal(page.router.state.location.pathname, '/cases/k-9');
});
