import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { sessionWith, shellAnswers, unitsAnswer } from '../../testing/fixtures.js';
import { closePage, openPage, waitFor } from '../../testing/render.js';

/** The cluster graph names its links: values as people write them, records by 受理番号 and 件名. */
let page: Awaited<ReturnType<typeof openPage>> | undefined;
afterEach(() => closePage(page));

const label = (ref: string, summary: string, id: string) => ({ title: `${ref} ${summary}`, link: `/intake/${id}` });
const indicator = {
  id: 7,
  type: 'phone',
  value: '+815052127788',
  firstSeenAt: '2026-12-01T00:00:00.000Z',
  lastSeenAt: '2026-12-02T00:00:00.000Z',
  recordCount: 2,
  common: false,
  warnings: [],
};
const sighting = (id: string, ref: string, summary: string) => ({
  label: label(ref, summary, id),
  recordType: 'consultation',
  recordId: id,
  unitId: 'unit-1',
  seenAt: '2026-12-01T00:00:00.000Z',
  start: 0,
  end: 13,
});

test('shared values are named as people write them and records by 受理番号 and 件名, never by id', async () => {
  page = await openPage('/indicators/7', {
    ...shellAnswers,
    'GET /api/auth/me': sessionWith(['indicators.read', 'org.units.read']),
    'GET /api/org/units': unitsAnswer,
    'GET /api/indicators/warninglists': { lists: [] },
    'GET /api/indicators/7': {
      indicator,
      sightings: [sighting('c-1', '2026-000001', '架空請求'), sighting('c-2', '2026-000002', 'サポート詐欺')],
      hiddenRecords: 0,
    },
    'GET /api/records/consultation/c-1/cluster': {
      clusterId: 1,
      records: [
        { recordType: 'consultation', recordId: 'c-1', unitId: 'unit-1', label: label('2026-000001', '架空請求', 'c-1') },
        { recordType: 'consultation', recordId: 'c-2', unitId: 'unit-1', label: label('2026-000002', 'サポート詐欺', 'c-2') },
      ],
      hidden: 1,
      links: [
        { recordType: 'consultation', recordId: 'c-1', indicatorId: 7 },
        { recordType: 'consultation', recordId: 'c-2', indicatorId: 7 },
        { recordType: 'consultation', recordId: 'c-1', indicatorId: 8 },
        { recordType: 'consultation', recordId: 'c-2', indicatorId: 8 },
      ],
      indicators: [
        { id: 7, type: 'phone', value: '+815052127788' },
        { id: 8, type: 'bankAccount', value: '0005-341-1-1234567', attributes: { bankName: '三菱ＵＦＪ', branchName: '新宿' } },
      ],
    },
  });
  await waitFor(() => assert.ok((document.body.textContent ?? '').includes('三菱UFJ銀行 新宿支店'), 'the other shared value is named'), {
    timeout: 8000,
  });
  const graph = document.body.textContent ?? '';
  assert.ok(!graph.includes('指標#8'), 'not 「指標#8」');
  const origin = page.getByRole('combobox', { name: '起点とする記録' }) as HTMLInputElement;
  assert.match(origin.value, /2026-000001 架空請求/);
  assert.ok(!origin.value.includes('c-1'), 'the picker names the record, not its id');
  assert.ok(graph.includes('2026-000002 サポート詐欺') || graph.includes('サポート詐欺'));
});
