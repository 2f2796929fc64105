import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type Db, openDb } from '../src/server/core/db/db.open.js';

/** The benchmark database: a fresh SQLite file, or the PostgreSQL of scripts/with-postgres.mjs. */
export async function openBenchDb(
  prefix: string,
): Promise<{ db: Db; where: string; size(): Promise<number>; cleanup: () => Promise<void> }> {
  if (process.env.RENKEI_TEST_DB === 'postgres') {
    const url = process.env.RENKEI_TEST_DATABASE_URL as string;
    const db = await openDb({ engine: 'postgres', url });
    return {
      db,
      where: 'PostgreSQL',
      size: async () =>
        Number((await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(db.kysely)).rows[0]?.n ?? 0),
      cleanup: () => db.close(),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'bench.sqlite');
  const db = await openDb({ engine: 'sqlite', file });
  return {
    db,
    where: `SQLite (${dir})`,
    size: async () => fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0),
    cleanup: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number;

/** A seeded generator, so two runs measure the same data. */
export function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/**
 * The environment for a Renkei process a benchmark starts (server, CLI): this one's, without the
 * test harness's own RENKEI_TEST_* variables, which Renkei refuses as unknown settings.
 */
export function renkeiEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('RENKEI_TEST_')) env[k] = v;
  return { ...env, ...extra };
}
