#!/usr/bin/env node
// Runs the benchmarks in bench/ (all, or those whose name contains an argument).
// Benchmarks measure; they never fail a build. Figures go to stdout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const filters = process.argv.slice(2);
const files = fs
  .readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let status = 0;
for (const f of files) {
  console.log(`\n## ${f}`);
  // --expose-gc lets a benchmark collect its own set-up garbage before it starts timing.
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
