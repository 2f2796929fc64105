/**
 * `renkei import indicators` end to end, as an analyst runs it on a partner's feed: the built CLI
 * in its own process (start-up, parsing, validation of every value with the extractor, warning
 * lists, writing, clusters, audit), on a fresh database each round. The feed mixes the six kinds
 * as feeds hold them (written forms: hyphens, defanged URLs, full-width digits) and repeats some
 * values. Prints the median of 3 rounds in rows/s against the target of 50,000 rows/s, and the
 * machine's load average, since a shared machine slows a run. Needs `npm run build` first.
 *   npm run bench -- feed-import
 *   BENCH_FEED_ROWS=50000 npm run bench -- feed-import
 *   node scripts/with-postgres.mjs npm run bench -- feed-import   (the same on PostgreSQL)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { renkeiEnv, seeded } from './bench.util.js';

const ROWS = Number(process.env.BENCH_FEED_ROWS ?? 200_000);
const ROUNDS = 3;
const TARGET = 50_000;

function feed(rows: number): string {
  const rand = seeded(7);
  const n = (max: number) => Math.floor(rand() * max);
  const full = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  const out = ['type,value'];
  for (let i = 0; i < rows; i++) {
    // One value in ten comes again (a feed lists a hot domain or number on several lines).
    const id = rand() < 0.1 ? n(Math.max(1, i)) : i;
    const x = (id * 2654435761) % 2 ** 31;
    switch (i % 6) {
      case 0: {
        const d = String(10_000_000 + n(89_999_999)); // 090-0… is not allocated
        out.push(`phone,${id % 3 === 0 ? full(`090-${d.slice(0, 4)}-${d.slice(4)}`) : `090${d}`}`);
        break;
      }
      case 1:
        out.push(`domain,${id % 2 ? `h${x.toString(36)}[.]example-${x % 97}[.]com` : `h${x.toString(36)}.example-${x % 97}.com`}`);
        break;
      case 2:
        out.push(`url,${id % 2 ? 'hxxps' : 'https'}://p${x.toString(36)}.example.net/login/${x % 1000}?id=${id}`);
        break;
      case 3:
        out.push(`ipv4,${1 + (x % 222)}.${(x >> 8) & 255}.${(x >> 16) & 255}.${1 + (x % 250)}`);
        break;
      case 4:
        out.push(`email,u${x.toString(36)}@mail${x % 50}.example.org`);
        break;
      default:
        out.push(`bankAccount,0001-001-1-${String(1_000_000 + (x % 8_999_999))}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-feed-bench-'));
const file = path.join(dir, 'feed.csv');
fs.writeFileSync(file, feed(ROWS));
const postgres = process.env.RENKEI_TEST_DB === 'postgres';
console.log(`feed: ${ROWS.toLocaleString()} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB; ${postgres ? 'PostgreSQL' : 'SQLite'}`);

const times: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const dataDir = fs.mkdtempSync(path.join(dir, 'data-'));
  const env = renkeiEnv({
    RENKEI_DATA_DIR: dataDir,
    ...(postgres ? { DATABASE_URL: process.env.RENKEI_TEST_DATABASE_URL } : {}),
  });
  if (postgres) {
    // A fresh schema each round: the throwaway database is emptied by dropping what the last round made.
    const client = new pg.Client({ connectionString: process.env.RENKEI_TEST_DATABASE_URL });
    await client.connect();
    await client.query('drop schema public cascade; create schema public');
    await client.end();
  }
  const migrated = spawnSync(process.execPath, ['bin/renkei.js', 'migrate'], { env, encoding: 'utf8' });
  if (migrated.status !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/renkei.js', 'import', 'indicators', file], { env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 || !/件を取り込みました/.test(r.stdout)) throw new Error(`import failed: ${r.stderr.slice(-500)}`);
  times.push(ms);
  console.log(`  round ${round + 1}: ${(ms / 1000).toFixed(2)} s, ${Math.round(ROWS / (ms / 1000)).toLocaleString()} rows/s`);
}
const median = [...times].sort((a, b) => a - b)[1] as number;
const rate = Math.round(ROWS / (median / 1000));
console.log(
  `renkei import indicators: median ${(median / 1000).toFixed(2)} s = ${rate.toLocaleString()} rows/s ` +
    `(target ≥ ${TARGET.toLocaleString()}: ${rate >= TARGET ? 'met' : 'NOT met'}); load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`,
);
fs.rmSync(dir, { recursive: true, force: true });
