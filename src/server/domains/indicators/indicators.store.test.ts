import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { freshDb, type TestDb } from '../../testing/test-db.js';
import { ingestBulk, type SightingInput } from './indicators.store.js';

let t: TestDb;
beforeEach(async () => {
  t = await freshDb();
});
afterEach(() => t.cleanup());

const rec = (id: string, unitId = 'unit-a') => ({ recordType: 'consultation', recordId: id, unitId });
const phone = (n: string, start?: number): SightingInput => ({
  type: 'phone',
  value: n,
  start,
  end: start === undefined ? undefined : start + 13,
});
const opts = { commonThreshold: 2, warningsFor: () => [] };

async function indicator(value: string) {
  return t.db.kysely.selectFrom('indicator').selectAll().where('value', '=', value).executeTakeFirstOrThrow();
}
async function sightings(value: string) {
  return t.db.kysely
    .selectFrom('sighting')
    .innerJoin('indicator', 'indicator.id', 'sighting.indicator_id')
    .select(['sighting.record_id', 'sighting.start_offset'])
    .where('indicator.value', '=', value)
    .orderBy('sighting.record_id')
    .orderBy('sighting.start_offset')
    .execute();
}

test('a bulk load counts each value once per record, keeps every span, and marks values past the threshold common', async () => {
  const r = await t.db.kysely.transaction().execute((trx) =>
    ingestBulk(
      trx,
      t.db.dialect,
      [
        // The same number twice in one record: two spans, one linked record.
        { rec: rec('r1'), items: [phone('+819011110000', 0), phone('+819011110000', 40), phone('+819022220000', 80)] },
        { rec: rec('r2', 'unit-b'), items: [phone('+819011110000', 5)] },
        { rec: rec('r3'), items: [phone('+819011110000', 7), phone('+819033330000')] },
      ],
      { ...opts, freshRecords: true },
    ),
  );
  assert.equal(r.sightings, 6);
  assert.equal(r.indicatorIds.length, 3, 'one id per distinct value');
  const shared = await indicator('+819011110000');
  assert.equal(Number(shared.record_count), 3);
  assert.equal(shared.common, 1, 'three records exceed the threshold of two');
  assert.equal(Number((await indicator('+819022220000')).record_count), 1);
  assert.equal((await indicator('+819022220000')).common, 0);
  assert.deepEqual(
    (await sightings('+819011110000')).map((s) => [s.record_id, s.start_offset]),
    [
      ['r1', 0],
      ['r1', 40],
      ['r2', 5],
      ['r3', 7],
    ],
  );
});

test('a record saved again adds only its new values and counts only new links', async () => {
  const store = (items: SightingInput[], freshRecords: boolean) =>
    t.db.kysely.transaction().execute((trx) => ingestBulk(trx, t.db.dialect, [{ rec: rec('r1'), items }], { ...opts, freshRecords }));
  await store([phone('+819011110000', 0)], true);
  const again = await store([phone('+819011110000', 0), phone('+819044440000', 20)], false);
  assert.equal(again.sightings, 1, 'the value already sighted in the record is not written again');
  assert.equal(Number((await indicator('+819011110000')).record_count), 1);
  assert.equal(Number((await indicator('+819044440000')).record_count), 1);
  assert.equal((await sightings('+819011110000')).length, 1);
});
