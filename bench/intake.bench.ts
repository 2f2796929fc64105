import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import type { ListQuery } from '../src/contracts/intake.contracts.js';
import { createKeyring, generateMasterKey } from '../src/server/core/crypto/crypto.keyring.js';
import { migrate } from '../src/server/core/db/db.migrate.js';
import { createFileStore } from '../src/server/core/files/files.store.js';
import type { Principal } from '../src/server/core/http/http.principal.js';
import { accountPrincipal, hashPassword } from '../src/server/domains/auth/index.js';
import { openWarningLists } from '../src/server/domains/indicators/index.js';
import {
  createConsultation,
  ensureIntakeDefaults,
  filteredQuery,
  type IntakeDeps,
  listConsultations,
  stats,
} from '../src/server/domains/intake/index.js';
import { type Account, findAccount, seedDemo } from '../src/server/domains/org/index.js';
import { migrations } from '../src/server/modules.js';
import { openBenchDb, pct, seeded } from './bench.util.js';
import { generateRecord } from './intake.generate.js';
import { loadRecords } from './intake.load.js';

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
    // Loading writes records; nothing here reads the related-record notices that labels serve.
    labelRecords: async () => new Map(),
  };
  const _stations = await db.kysely.selectFrom('unit').select(['id', 'name']).where('kind', '=', 'station').orderBy('code').execute();
  const account = async (login: string): Promise<Principal> =>
    accountPrincipal((await findAccount(db.kysely, { loginId: login })) as Account);
  const station = await account('chuo.sato');
  const cyber = await account('cyber.watanabe');
  console.log(`engine: ${where}; ${N.toLocaleString()} records`);

  // ---- load ---------------------------------------------------------------------------------
  await loadRecords(deps, station, N, rand, pools);
  console.log(
    `database size ${((await size()) / 1024 / 1024).toFixed(0)} MB; process RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
  );

  if (process.env.BENCH_EXPLAIN) await explainSearches(deps, [station, cyber], N);

  // ---- search -------------------------------------------------------------------------------
  const queries: Record<string, string[]> = {
    '2 chars': ['詐欺', '口座', '警告', '画面', '削除'],
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

  // ---- lists, filters, pages and statistics ---------------------------------------------------
  // What a person waits on when opening the list: the first page, a category filter, a month, a
  // later page, and the statistics page — as a station officer (their station and what was
  // shared with it) and as the cyber division (the whole prefecture).
  const months = ['2026-01', '2026-04', '2026-07', '2026-10'];
  const monthRange = (m: string) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    return { from: `${m}-01`, to: mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01` };
  };
  const listOps: [string, () => ListQuery][] = [
    ['first page', () => ({ page: 1, pageSize: 50 })],
    [
      'category filter',
      () => ({ page: 1, pageSize: 50, category: (['fraud', 'intrusion', 'defamation', 'illegalSite'] as const)[Math.floor(rand() * 4)] }),
    ],
    ['month filter', () => ({ page: 1, pageSize: 50, ...monthRange(months[Math.floor(rand() * months.length)] as string) })],
    ['page 20', () => ({ page: 20, pageSize: 50 })],
  ];
  console.log('lists (page of 50 + capped count), target p95 < 50 ms; statistics, target p95 < 200 ms:');
  for (const [who, viewer] of [
    ['station', station],
    ['cyber division', cyber],
  ] as const) {
    for (const [label, make] of listOps) {
      const times: number[] = [];
      for (let rep = 0; rep < 21; rep++) {
        const t = performance.now();
        await listConsultations(deps, viewer, make());
        if (rep > 0) times.push(performance.now() - t);
      }
      const p95 = pct(times, 95);
      console.log(
        `  ${label.padEnd(16)} ${who.padEnd(15)} median ${pct(times, 50).toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   ${p95 < 50 ? 'met' : 'NOT met'}`,
      );
    }
    const times: number[] = [];
    for (let rep = 0; rep < 6; rep++) {
      const t = performance.now();
      await stats(db, viewer, rep % 2 === 0 ? {} : monthRange(months[rep % months.length] as string));
      if (rep > 0) times.push(performance.now() - t);
    }
    const p95 = pct(times, 95);
    console.log(
      `  ${'statistics'.padEnd(16)} ${who.padEnd(15)} median ${pct(times, 50).toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   ${p95 < 200 ? 'met' : 'NOT met'}`,
    );
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
