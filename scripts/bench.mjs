#!/usr/bin/env node
// Runs the benchmarks in bench/: all; the one an argument names exactly (`load` is load.bench.ts,
// not also import-load); or those whose name contains an argument.
// Benchmarks measure; they never fail a build. Figures go to stdout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const filters = process.argv.slice(2);
const all = fs.readdirSync('bench').filter((f) => f.endsWith('.bench.ts'));
const named = (x) => all.find((f) => f === `${x}.bench.ts`);
const files = all.filter((f) => filters.length === 0 || filters.some((x) => (named(x) ? f === named(x) : f.includes(x)))).sort();
let status = 0;
for (const f of files) {
  console.log(`\n## ${f}`);
  // --expose-gc lets a benchmark collect its own set-up garbage before it starts timing.
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
