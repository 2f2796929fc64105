import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { withTx } from '../../core/db/db.tx.js';
import { freshDb, type TestDb } from '../../testing/test-db.js';
import { rebuildClusters } from './indicators.bulk.js';
import { replaceSightings } from './indicators.replace.js';
import { FEED_RECORD_TYPE, ingestBulk, type SightingInput, storeSightings, updateClusters } from './indicators.store.js';

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
  const r = await withTx(t.db, (tx) =>
    ingestBulk(
      tx,
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
    withTx(t.db, (tx) => ingestBulk(tx, [{ rec: rec('r1'), items }], { ...opts, freshRecords }));
  await store([phone('+819011110000', 0)], true);
  const again = await store([phone('+819011110000', 0), phone('+819044440000', 20)], false);
  assert.equal(again.sightings, 1, 'the value already sighted in the record is not written again');
  assert.equal(Number((await indicator('+819011110000')).record_count), 1);
  assert.equal(Number((await indicator('+819044440000')).record_count), 1);
  assert.equal((await sightings('+819011110000')).length, 1);
});

const save = (id: string, items: SightingInput[], commonThreshold = 2) =>
  withTx(t.db, (tx) => storeSightings(tx, rec(id), items, { ...opts, commonThreshold, freshRecords: true }));
const edit = (id: string, items: SightingInput[], commonThreshold = 2) =>
  withTx(t.db, (tx) => replaceSightings(tx, rec(id), items, { ...opts, commonThreshold }));
async function clusters() {
  const rows = await t.db.kysely.selectFrom('record_cluster').select(['record_id', 'cluster_id']).orderBy('record_id').execute();
  const by = new Map<number, string[]>();
  for (const r of rows) by.set(Number(r.cluster_id), [...(by.get(Number(r.cluster_id)) ?? []), r.record_id]);
  return [...by.values()].map((m) => m.join(',')).sort();
}

test('an edited text replaces the record’s sightings: new offsets, counts follow, a value can stop being common', async () => {
  const A = '+819011110000';
  await save('r1', [phone(A, 0)]);
  await save('r2', [phone(A, 3)]);
  await save('r3', [phone(A, 9)]);
  assert.equal((await indicator(A)).common, 1, 'three records exceed the threshold of two');
  await edit('r1', [phone(A, 10), phone('+819055550000', 30)]);
  assert.deepEqual(
    (await sightings(A)).map((s) => [s.record_id, s.start_offset]),
    [
      ['r1', 10],
      ['r2', 3],
      ['r3', 9],
    ],
    'the moved number has its new offset, not a second sighting',
  );
  assert.equal(Number((await indicator(A)).record_count), 3, 'a value still in the text keeps its count');
  const seenBefore = (await indicator(A)).last_seen_at;
  await new Promise((r) => setTimeout(r, 5));
  await edit('r3', [phone('+819055550000', 0)]);
  assert.equal(Number((await indicator(A)).record_count), 2);
  assert.equal((await indicator(A)).last_seen_at, seenBefore, 'a value taken out of a text was not seen again');
  assert.equal((await indicator(A)).common, 0, 'back under the threshold');
  assert.deepEqual(await sightings(A).then((s) => s.map((x) => x.record_id)), ['r1', 'r2']);
});

test('removing the value that linked records splits their cluster; records left alone leave it', async () => {
  const [A, B] = ['+819011110000', '+819022220000'];
  await save('r1', [phone(A)], 10);
  await save('r2', [phone(A)], 10);
  await save('r3', [phone(B)], 10);
  await save('r4', [phone(B)], 10);
  await save('r5', [phone(A), phone(B)], 10);
  assert.deepEqual(await clusters(), ['r1,r2,r3,r4,r5'], 'r5 bridges the two groups');
  await edit('r5', [phone(B)], 10);
  assert.deepEqual(await clusters(), ['r1,r2', 'r3,r4,r5'], 'the bridge is gone: two clusters');
  await edit('r2', [phone('+819099990000')], 10);
  assert.deepEqual(await clusters(), ['r3,r4,r5'], 'r1 has no link left, and neither has r2');
  const sizes = await t.db.kysely.selectFrom('cluster').select('size').execute();
  assert.deepEqual(
    sizes.map((s) => s.size),
    [3],
  );
  await edit('r2', [phone(B)], 10);
  assert.deepEqual(await clusters(), ['r2,r3,r4,r5'], 'a new link joins the cluster again');
});

test('a feed marks its values but draws no records into a cluster, when saved or when clusters are rebuilt', async () => {
  const wide = { ...opts, commonThreshold: 10 };
  const clusters = async () =>
    (await t.db.kysely.selectFrom('record_cluster').select(['record_type', 'record_id', 'cluster_id']).orderBy('record_id').execute()).map(
      (r) => `${r.record_type}:${r.record_id}`,
    );
  await withTx(t.db, (tx) => storeSightings(tx, rec('a'), [phone('+819011110000')], wide));
  await withTx(t.db, (tx) => storeSightings(tx, rec('b', 'unit-b'), [phone('+819022220000')], wide));
  // A partner's feed lists both numbers: a and b have nothing in common but being on it.
  const feed = { recordType: FEED_RECORD_TYPE, recordId: 'partner.csv', unitId: null };
  await withTx(t.db, async (tx) => {
    const { indicatorIds } = await ingestBulk(tx, [{ rec: feed, items: [phone('+819011110000'), phone('+819022220000')] }], wide);
    await updateClusters(tx, feed, indicatorIds);
  });
  assert.deepEqual(await clusters(), [], 'neither the feed nor a and b are clustered by it');
  assert.equal(Number((await indicator('+819011110000')).record_count), 2, 'the feed still counts as a source of the value');
  // A record sharing a's number joins a, and only a.
  await withTx(t.db, (tx) => storeSightings(tx, rec('c'), [phone('+819011110000')], wide));
  assert.deepEqual(await clusters(), ['consultation:a', 'consultation:c']);
  await rebuildClusters(t.db);
  assert.deepEqual(await clusters(), ['consultation:a', 'consultation:c'], 'a rebuild draws the same clusters');
});
