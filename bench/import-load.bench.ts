/**
 * A register import under load: N rows (default 20,000) imported while 20 officers save
 * consultations and another keeps opening the list, all on one server process and one database,
 * through the same use cases the routes call. Prints the list's latency (p50, p95, max) and the
 * saves' before and during the import, and how long the import took. The import writes in
 * short transactions (core/staging), so no other request should wait much more than ~100 ms.
 *   npm run bench -- import-load                                   (SQLite)
 *   node scripts/with-postgres.mjs npm run bench -- import-load    (PostgreSQL)
 * BENCH_IMPORT_ROWS=5000 makes a quick run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConsultationInput } from '../src/contracts/intake.contracts.js';
import { createKeyring, generateMasterKey } from '../src/server/core/crypto/crypto.keyring.js';
import { migrate } from '../src/server/core/db/db.migrate.js';
import { createFileStore } from '../src/server/core/files/files.store.js';
import type { Principal } from '../src/server/core/http/http.principal.js';
import { yieldToOthers } from '../src/server/core/staging/staging.js';
import { accountPrincipal, hashPassword } from '../src/server/domains/auth/index.js';
import { openWarningLists } from '../src/server/domains/indicators/index.js';
import {
  createConsultation,
  ensureIntakeDefaults,
  type IntakeDeps,
  importRegister,
  listConsultations,
} from '../src/server/domains/intake/index.js';
import { type Account, findAccount, seedDemo } from '../src/server/domains/org/index.js';
import { migrations } from '../src/server/modules.js';
import { openBenchDb, pct, seeded } from './bench.util.js';
import { generateRecord } from './intake.generate.js';

const N = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
const WRITERS = 20;
const rand = seeded(7);
const pools = { phones: Math.max(100, N / 5), domains: Math.max(100, N / 5), accounts: Math.max(100, N / 20) };
const { db, where, cleanup } = await openBenchDb('renkei-import-load-');
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-import-load-files-'));

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
function registerCsv(n: number): Buffer {
  const lines = ['受理日時,分類,手口,件名,相談内容'];
  for (let i = 0; i < n; i++) {
    const g = generateRecord(rand, pools, i).input;
    const day = `2025/${String((i % 12) + 1).padStart(2, '0')}/${String((i % 28) + 1).padStart(2, '0')} 10:00`;
    lines.push([day, g.category, g.modus, quote(g.summary), quote(g.narrative)].join(','));
  }
  return Buffer.from(lines.join('\r\n'));
}
const fmt = (xs: number[]) =>
  xs.length === 0
    ? 'n=0'
    : `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;

try {
  await migrate(db, migrations);
  await seedDemo(db, hashPassword);
  await ensureIntakeDefaults(db);
  const keyring = createKeyring([generateMasterKey('bench')], 'bench');
  const deps: IntakeDeps = {
    db,
    keyring,
    warnings: await openWarningLists(db.kysely),
    commonThreshold: 50,
    followUpDays: 7,
    files: createFileStore(filesDir, keyring),
    evidenceMaxBytes: 1024 * 1024,
    // Loading writes records; nothing here reads the related-record notices that labels serve.
    labelRecords: async () => new Map(),
  };
  const account = async (login: string): Promise<Principal> =>
    accountPrincipal((await findAccount(db.kysely, { loginId: login })) as Account);
  const manager = await account('chuo.kacho');
  const officer = await account('chuo.sato');
  const csv = registerCsv(N);
  const mapping = { 受理日時: 'receivedAt', 分類: 'category', 手口: 'modus', 件名: 'summary', 相談内容: 'narrative' } as const;
  console.log(`engine: ${where}; import of ${N.toLocaleString()} rows, ${WRITERS} writers, 1 reader; ${os.cpus().length} CPUs`);

  /**
   * Writers and a reader until `until()` says stop; latencies of each. Each operation starts
   * from the event loop, as a request arriving over the network does (called back to back, the
   * synchronous SQLite driver would only ever resolve promises and never let the loop turn).
   */
  async function load(until: () => boolean) {
    const reads: number[] = [];
    const writes: number[] = [];
    let k = 0;
    const writer = async () => {
      while (!until()) {
        await yieldToOthers();
        const g = generateRecord(rand, pools, k++).input as ConsultationInput;
        const t = performance.now();
        await createConsultation(deps, { principal: officer }, { ...g, receivedAt: undefined });
        writes.push(performance.now() - t);
      }
    };
    const reader = async () => {
      while (!until()) {
        await yieldToOthers();
        const t = performance.now();
        await listConsultations(deps, officer, { page: 1, pageSize: 50 });
        reads.push(performance.now() - t);
      }
    };
    await Promise.all([...Array.from({ length: WRITERS }, writer), reader()]);
    return { reads, writes };
  }

  // Warm-up and baseline: the same load for a few seconds without an import.
  const baseEnd = performance.now() + 5_000;
  const base = await load(() => performance.now() > baseEnd);
  console.log(`without an import: list ${fmt(base.reads)}; saves ${fmt(base.writes)}`);

  let done = false;
  const t0 = performance.now();
  const imported = importRegister(deps, { principal: manager }, csv, mapping, { skipInvalid: true, dryRun: false }).finally(() => {
    done = true;
  });
  const during = await load(() => done);
  const report = await imported;
  const ms = performance.now() - t0;
  console.log(`during the import:  list ${fmt(during.reads)}; saves ${fmt(during.writes)}`);
  console.log(
    `import: ${report.imported.toLocaleString()} rows (${report.skipped} skipped) in ${(ms / 1000).toFixed(1)} s, ${Math.round(report.imported / (ms / 1000))} rows/s alongside the load`,
  );
} finally {
  await cleanup();
  fs.rmSync(filesDir, { recursive: true, force: true });
}
