#!/usr/bin/env node
// Runs every *.test.ts under src/ with Node's test runner through tsx.
// RENKEI_TEST_DB=postgres (with RENKEI_TEST_DATABASE_URL) runs the storage and route tests on PostgreSQL.
// Extra arguments narrow the run to files whose path contains one of them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

// On PostgreSQL only the storage and route tests run again: those that open a test database.
const dbOnly = process.env.RENKEI_TEST_DB === 'postgres';
const usesDb = (f) => /testing\/test-(db|app)\.js/.test(fs.readFileSync(f, 'utf8'));
const filters = process.argv.slice(2);
const files = walk('src')
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .filter((f) => !dbOnly || usesDb(f))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, RENKEI_LOG_LEVEL: process.env.RENKEI_LOG_LEVEL ?? 'silent' },
});
process.exit(r.status ?? 1);
