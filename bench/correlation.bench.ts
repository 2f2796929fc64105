/**
 * Correlation at scale: generate N indicators and 3N sightings (default 1,000,000 / 3,000,000)
 * through the bulk ingest path, rebuild clusters, then time correlating new records that carry
 * 50 indicators each (store the sightings, update clusters, find related records under
 * need-to-know), as a station officer and as the cyber division. Median and p99.
 *   npm run bench -- correlation                                   (SQLite)
 *   node scripts/with-postgres.mjs npm run bench -- correlation    (PostgreSQL)
 * BENCH_INDICATORS=100000 makes a quick run.
 */
import { sql } from 'kysely';
import type { IndicatorType } from '../src/contracts/indicators.contracts.js';
import { migrate } from '../src/server/core/db/db.migrate.js';
import { withTx } from '../src/server/core/db/db.tx.js';
import {
  afterBulkLoad,
  ingestBulk,
  lookupIndicators,
  rebuildClusters,
  relatedRecords,
  storeSightings,
} from '../src/server/domains/indicators/index.js';
import { migrations } from '../src/server/modules.js';
import { openBenchDb, pct, seeded } from './bench.util.js';

const N = Number(process.env.BENCH_INDICATORS ?? 1_000_000);
const SIGHTINGS = 3 * N;
const PER_RECORD = 3;
const RECORDS = SIGHTINGS / PER_RECORD;
const UNITS = Array.from({ length: 25 }, (_, i) => `unit-${i}`);
const THRESHOLD = 50;

const rand = seeded(7);
const types: IndicatorType[] = ['phone', 'url', 'domain', 'bankAccount', 'email', 'ipv4'];
const indicatorAt = (i: number): { type: IndicatorType; value: string } => {
  const t = types[i % types.length] as IndicatorType;
  switch (t) {
    case 'phone':
      return { type: t, value: `+8190${String(10_000_000 + i).slice(-8)}` };
    case 'url':
      return { type: t, value: `https://phish-${i}.example.com/login` };
    case 'domain':
      return { type: t, value: `fraud-${i}.example.net` };
    case 'bankAccount':
      return { type: t, value: `0005-314-1-${String(i).padStart(7, '0').slice(-7)}` };
    case 'email':
      return { type: t, value: `scam${i}@example.org` };
    default:
      return { type: t, value: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
  }
};

const { db, where, cleanup } = await openBenchDb('renkei-corr-');
try {
  await migrate(db, migrations);
  console.log(
    `engine: ${where}; ${N.toLocaleString()} indicators, ${SIGHTINGS.toLocaleString()} sightings in ${RECORDS.toLocaleString()} records`,
  );
  const noWarnings = () => [];
  // A bulk load runs as `renkei import indicators` does: one transaction (all or nothing), fed to
  // ingestBulk in steps of BENCH_BATCH records. BENCH_COMMIT_EVERY=n commits every n records
  // instead, as a long-running feed would. Generating the data is not timed.
  const BATCH = Number(process.env.BENCH_BATCH ?? 50_000);
  const COMMIT_EVERY = Number(process.env.BENCH_COMMIT_EVERY ?? RECORDS);
  // A third of the sightings introduce a new value (1M distinct in all); the rest repeat earlier
  // ones with a skew: a few values (call-centre numbers, shared bank accounts) recur very often,
  // most recur a few times, as in real consultation registers.
  let next = 0;
  const generate = (from: number, to: number) => {
    const batch: { rec: { recordType: string; recordId: string; unitId: string }; items: { type: IndicatorType; value: string }[] }[] = [];
    for (let k = from; k < to; k++) {
      const items: { type: IndicatorType; value: string }[] = [];
      for (let j = 0; j < PER_RECORD; j++) {
        const fresh = next < N && (j === 0 || next === 0);
        items.push(indicatorAt(fresh ? next++ : Math.floor(next * rand() ** 3)));
      }
      batch.push({ rec: { recordType: 'consultation', recordId: `r${k}`, unitId: UNITS[k % UNITS.length] as string }, items });
    }
    return batch;
  };
  let ingestMs = 0;
  for (let t = 0; t < RECORDS; t += COMMIT_EVERY) {
    let trxStart = 0;
    await withTx(db, async (tx) => {
      for (let r = t; r < Math.min(RECORDS, t + COMMIT_EVERY); r += BATCH) {
        const batch = generate(r, Math.min(RECORDS, t + COMMIT_EVERY, r + BATCH));
        const a = performance.now();
        await ingestBulk(tx, batch, { commonThreshold: THRESHOLD, warningsFor: noWarnings, freshRecords: true });
        ingestMs += performance.now() - a;
        process.stderr.write(`\r  ingest ${Math.min(RECORDS, r + BATCH).toLocaleString()} records`);
      }
      trxStart = performance.now();
    });
    ingestMs += performance.now() - trxStart; // the commit
  }
  const ingestS = ingestMs / 1000;
  process.stderr.write('\n');
  console.log(
    `bulk ingest (${COMMIT_EVERY >= RECORDS ? 'one transaction' : `commit every ${COMMIT_EVERY.toLocaleString()} records`}, ${BATCH.toLocaleString()} records per call): ${SIGHTINGS.toLocaleString()} sightings in ${ingestS.toFixed(1)} s = ${Math.round(SIGHTINGS / ingestS).toLocaleString()} sightings/s`,
  );
  const t1 = performance.now();
  const clustered = await rebuildClusters(db);
  await afterBulkLoad(db);
  console.log(`cluster rebuild: ${((performance.now() - t1) / 1000).toFixed(1)} s (${clustered.toLocaleString()} records in clusters)`);

  // A new record carries 50 indicators: 40 already known somewhere, 10 never seen. The known ones
  // are drawn as values recur in real registers (the same skew as the load above): a few hot
  // call-centre numbers, mule accounts and phishing domains in many records — several of them
  // common by now — and a long tail seen once or twice. A uniform draw would hide the hot ones.
  const station = { scope: 'unit' as const, unitId: 'unit-3', userId: 'u' };
  const cyber = { scope: 'prefecture' as const, unitId: 'hq', userId: 'c' };
  const newItems = (i: number) => [
    ...Array.from({ length: 40 }, () => indicatorAt(Math.floor(N * rand() ** 3))),
    ...Array.from({ length: 10 }, (_, j) => indicatorAt(N + i * 10 + j)),
  ];
  // 1. Correlation, as the intake form does while the officer types: which other records, under
  //    need-to-know, share any of these 50 values (details of readable ones, counts of the rest).
  //    Measured straight after the import (which vacuums and refreshes the planner's statistics itself, as
  //    `renkei import` does), then in the steady state autovacuum leaves (VACUUM ANALYZE).
  const target = db.dialect.engine === 'postgres' ? 20 : 5;
  const correlate = async (phase: string) => {
    const read = { station: [] as number[], cyber: [] as number[] };
    // The load's garbage (a million-record union–find) is collected before timing starts, as a
    // server that did not just load a million records would not carry it (run with --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    for (let i = 0; i < 520; i++) {
      const viewer = i % 2 === 0 ? cyber : station;
      const items = newItems(i);
      const t = performance.now();
      const found = await lookupIndicators(db, items);
      await relatedRecords(
        db.kysely,
        viewer,
        found.map((f) => f.id),
      );
      const ms = performance.now() - t;
      if (i >= 20) (viewer === cyber ? read.cyber : read.station).push(ms);
    }
    const allRead = [...read.cyber, ...read.station];
    const p99 = pct(allRead, 99);
    console.log(
      `correlate a new record with 50 indicators, ${phase} (lookup + related records under need-to-know, ${allRead.length} runs):`,
    );
    console.log(
      `  all            median ${pct(allRead, 50).toFixed(2)} ms   p99 ${p99.toFixed(2)} ms   target p99 < ${target} ms: ${p99 < target ? 'met' : 'NOT met'}`,
    );
    console.log(`  cyber division median ${pct(read.cyber, 50).toFixed(2)} ms   p99 ${pct(read.cyber, 99).toFixed(2)} ms`);
    console.log(`  station        median ${pct(read.station, 50).toFixed(2)} ms   p99 ${pct(read.station, 99).toFixed(2)} ms`);
  };
  await correlate('just after import');
  if (db.dialect.engine === 'postgres') await sql`vacuum analyze`.execute(db.kysely);
  else await sql`pragma wal_checkpoint(truncate)`.execute(db.kysely);
  await correlate('steady');
  // 2. Saving it: sightings, counts and clusters in one durable transaction, then correlation.
  const write: number[] = [];
  for (let i = 0; i < 220; i++) {
    const rec = { recordType: 'consultation', recordId: `new-${i}`, unitId: 'unit-3' };
    const t = performance.now();
    const stored = await withTx(db, (tx) =>
      storeSightings(tx, rec, newItems(2000 + i), { commonThreshold: THRESHOLD, warningsFor: noWarnings }),
    );
    await relatedRecords(db.kysely, station, stored.indicatorIds, rec);
    if (i >= 20) write.push(performance.now() - t);
  }
  console.log(`store a new record's 50 sightings + update clusters + correlate (durable commit, ${write.length} runs):`);
  console.log(`  median ${pct(write, 50).toFixed(2)} ms   p99 ${pct(write, 99).toFixed(2)} ms`);
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(`process RSS ${rss.toFixed(0)} MB`);
} finally {
  await cleanup();
}
