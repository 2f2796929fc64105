/**
 * Intake at scale: N generated Japanese consultation records (default 1,000,000) with
 * narratives carrying recurring phone numbers, URLs and bank accounts, then
 *   1. Japanese search for 2-, 3- and 5-character queries, first page of 50 with the capped
 *      count, as a station officer (need-to-know in SQL) and as the cyber division: median, p95;
 *   2. saving a new record through the real use case (validation, encryption, search index,
 *      extraction, sightings, clusters, correlation, escalation rules, audit): median, p99;
 *   3. database size and process memory.
 *   npm run bench -- intake                                   (SQLite)
 *   node scripts/with-postgres.mjs npm run bench -- intake    (PostgreSQL)
 * BENCH_RECORDS=100000 makes a quick run.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { ownerTag } from '../src/server/core/access/access.filter.js';
import { createKeyring, generateMasterKey } from '../src/server/core/crypto/crypto.keyring.js';
import { migrate } from '../src/server/core/db/db.migrate.js';
import { withTx } from '../src/server/core/db/db.tx.js';
import { createFileStore } from '../src/server/core/files/files.store.js';
import type { Principal } from '../src/server/core/http/http.principal.js';
import { indexMany } from '../src/server/core/search/search.index.js';
import { accountPrincipal, hashPassword } from '../src/server/domains/auth/index.js';
import { extract, ingestBulk, openWarningLists, rebuildClusters } from '../src/server/domains/indicators/index.js';
import {
  consultationRow,
  createConsultation,
  ensureIntakeDefaults,
  filteredQuery,
  type IntakeDeps,
  listConsultations,
  SEARCH_INDEX,
  searchDoc,
} from '../src/server/domains/intake/index.js';
import { type Account, findAccount, seedDemo } from '../src/server/domains/org/index.js';
import { migrations } from '../src/server/modules.js';
import { openBenchDb, pct, seeded } from './bench.util.js';
import { generateRecord } from './intake.generate.js';

const N = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const pools = { phones: Math.max(100, N / 5), domains: Math.max(100, N / 5), accounts: Math.max(100, N / 20) };
const rand = seeded(11);
const { db, where, size, cleanup } = await openBenchDb('renkei-intake-');
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-intake-files-'));
try {
  await migrate(db, migrations);
  await seedDemo(db, hashPassword);
  await ensureIntakeDefaults(db);
  const warnings = await openWarningLists(db.kysely);
  const keyring = createKeyring([generateMasterKey('bench')], 'bench');
  const deps: IntakeDeps = {
    db,
    keyring,
    warnings,
    commonThreshold: 50,
    followUpDays: 7,
    files: createFileStore(filesDir, keyring),
    evidenceMaxBytes: 1024 * 1024,
  };
  const stations = await db.kysely.selectFrom('unit').select(['id', 'name']).where('kind', '=', 'station').orderBy('code').execute();
  const account = async (login: string): Promise<Principal> =>
    accountPrincipal((await findAccount(db.kysely, { loginId: login })) as Account);
  const station = await account('chuo.sato');
  const cyber = await account('cyber.watanabe');
  console.log(`engine: ${where}; ${N.toLocaleString()} records`);

  // ---- load ---------------------------------------------------------------------------------
  if (db.dialect.engine === 'postgres') await sql`drop index consultation_search_gin`.execute(db.kysely);
  const t0 = performance.now();
  const BATCH = 2000;
  const now = new Date();
  let narrativeChars = 0;
  for (let k = 0; k < N; k += BATCH) {
    const recs: (ReturnType<typeof consultationRow> & { seq: number })[] = [];
    for (let i = k; i < Math.min(N, k + BATCH); i++) {
      const g = generateRecord(rand, pools, i);
      const unit = stations[g.unitIndex % stations.length] as { id: string };
      const row = {
        ...consultationRow(deps, { unitId: unit.id, userId: station.userId }, randomUUID(), g.input, {
          receivedAt: g.receivedAt,
          now,
          followUp: false,
          refNo: `B-${i + 1}`,
        }),
        seq: i + 1,
      };
      narrativeChars += g.input.narrative.length;
      recs.push(row);
    }
    await withTx(db, async (tx) => {
      const trx = tx.kysely;
      for (let c = 0; c < recs.length; c += 250)
        await trx
          .insertInto('consultation')
          .values(recs.slice(c, c + 250))
          .execute();
      await indexMany(
        tx,
        SEARCH_INDEX,
        recs.map((r) => ({ seq: r.seq, text: searchDoc(r), tags: [ownerTag(r.owning_unit_id)] })),
      );
      await ingestBulk(
        tx,
        recs.map((r) => ({
          rec: { recordType: 'consultation', recordId: r.id, unitId: r.owning_unit_id },
          items: extract(r.narrative).map((h) => ({ type: h.type, value: h.value, start: h.start, end: h.end })),
        })),
        { commonThreshold: 50, warningsFor: (t, v) => warnings.match(t, v), freshRecords: true },
      );
    });
    if ((k / BATCH) % 25 === 0) process.stderr.write(`\r  load ${(k + BATCH).toLocaleString()} records`);
  }
  process.stderr.write('\n');
  const loadS = (performance.now() - t0) / 1000;
  console.log(
    `load: ${N.toLocaleString()} records (narratives ${(narrativeChars / N).toFixed(0)} chars on average) in ${loadS.toFixed(0)} s = ${Math.round(N / loadS).toLocaleString()} records/s`,
  );
  const t1 = performance.now();
  if (db.dialect.engine === 'postgres') {
    await sql`create index consultation_search_gin on consultation_search using gin (doc)`.execute(db.kysely);
    await sql`select setval(pg_get_serial_sequence('consultation', 'seq'), ${N + 1}, false)`.execute(db.kysely);
  }
  await rebuildClusters(db);
  await sql`analyze`.execute(db.kysely);
  console.log(`search index, recount, clusters, analyze: ${((performance.now() - t1) / 1000).toFixed(0)} s`);
  console.log(
    `database size ${((await size()) / 1024 / 1024).toFixed(0)} MB; process RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
  );

  if (process.env.BENCH_EXPLAIN) await explainSearches(deps, [station, cyber], N);

  // ---- search -------------------------------------------------------------------------------
  const queries: Record<string, string[]> = {
    '2 chars': ['詐欺', '口座', '警告', '送金', '削除'],
    '3 chars': ['電子マ', '乗っ取', '身代金', '七十七', '掲示板'],
    '5 chars': ['電子マネー', '有料サイト', '遠隔操作ソ', '会社概要の', '七十七銀行'],
  };
  console.log('search, first page of 50 + count (capped at 1,000):');
  for (const [label, qs] of Object.entries(queries)) {
    for (const [who, viewer] of [
      ['station', station],
      ['cyber division', cyber],
    ] as const) {
      const times: number[] = [];
      const perQuery = new Map<string, number[]>();
      let hits = 0;
      for (let rep = 0; rep < 11; rep++) {
        for (const q of qs) {
          const t = performance.now();
          const r = await listConsultations(deps, viewer, { q, page: 1, pageSize: 50 });
          const ms = performance.now() - t;
          if (rep > 0) {
            times.push(ms);
            perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
          }
          hits += rep === 1 ? r.total : 0;
        }
      }
      console.log(
        `  ${label.padEnd(8)} ${who.padEnd(15)} median ${pct(times, 50).toFixed(1)} ms   p95 ${pct(times, 95).toFixed(1)} ms   (avg count ${Math.round(hits / qs.length).toLocaleString()})`,
      );
      if (process.env.BENCH_EXPLAIN)
        console.log(`           ${[...perQuery].map(([q, xs]) => `${q} ${pct(xs, 50).toFixed(1)}`).join('  ')}`);
    }
  }

  // ---- save ---------------------------------------------------------------------------------
  const save: number[] = [];
  for (let i = 0; i < 320; i++) {
    const g = generateRecord(rand, pools, N + i);
    const t = performance.now();
    await createConsultation(deps, { principal: station }, { ...g.input, receivedAt: undefined });
    if (i >= 20) save.push(performance.now() - t);
  }
  console.log(`save a new record (validate, encrypt, index, extract, correlate, rules, audit; durable commit, ${save.length} runs):`);
  console.log(`  median ${pct(save, 50).toFixed(1)} ms   p99 ${pct(save, 99).toFixed(1)} ms`);
  const m = process.memoryUsage();
  console.log(
    `database size ${((await size()) / 1024 / 1024).toFixed(0)} MB; process RSS ${(m.rss / 1024 / 1024).toFixed(0)} MB, heap ${(m.heapUsed / 1024 / 1024).toFixed(0)} MB`,
  );
} finally {
  await cleanup();
  fs.rmSync(filesDir, { recursive: true, force: true });
}

/** BENCH_EXPLAIN=1: the plans of the newest search window, to see what the engine does. */
async function explainSearches(deps: IntakeDeps, viewers: Principal[], n: number) {
  const { db } = deps;
  for (const viewer of viewers) {
    for (const q of ['詐欺', '電子マネー', '削除']) {
      const fq = filteredQuery(db, viewer, { q });
      if (!fq?.search) continue;
      const key = fq.search.key;
      const c = fq.q
        .select('c.seq')
        .where(fq.search.window(n - 20_000 + 1, n + 1))
        .orderBy(sql`${key} desc`)
        .limit(50)
        .compile();
      const prefix = db.dialect.engine === 'postgres' ? 'explain (analyze, buffers) ' : 'explain query plan ';
      const plan = await db.kysely.executeQuery(CompiledQuery.raw(prefix + c.sql, [...c.parameters]));
      console.log(`-- ${viewer.loginId} 「${q}」`);
      for (const r of plan.rows as Record<string, unknown>[]) console.log(`   ${Object.values(r).join(' ')}`);
    }
  }
}
