#!/usr/bin/env node
// Runs every *.test.ts and *.test.tsx under src/ with Node's test runner through tsx.
// Web component tests (*.test.tsx) run in their own pass with a DOM (src/web/testing/dom.ts), so
// server tests never see browser globals.
// RENKEI_TEST_DB=postgres (with RENKEI_TEST_DATABASE_URL) runs the storage and route tests on PostgreSQL.
// Extra arguments narrow the run to files whose path contains one of them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.test\.tsx?$/.test(e.name)) out.push(p);
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
function run(group, preload, extraEnv = {}) {
  if (group.length === 0) return 0;
  const args = ['--import', 'tsx', ...preload, '--test', '--test-reporter=spec', '--test-concurrency=2', ...group];
  const r = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, RENKEI_LOG_LEVEL: process.env.RENKEI_LOG_LEVEL ?? 'silent', ...extraEnv },
  });
  return r.status ?? 1;
}
const web = files.filter((f) => f.endsWith('.tsx'));
const rest = files.filter((f) => !f.endsWith('.tsx'));
const serverStatus = run(rest, []);
// tsx compiles the web tests with the web settings (JSX runtime, DOM types).
// Browser export conditions: packages such as the router pick their client build, as in the app.
const webStatus = run(web, ['--conditions=browser', '--import', './src/web/testing/dom.ts'], { TSX_TSCONFIG_PATH: 'tsconfig.web.json' });
process.exit(serverStatus || webStatus);
