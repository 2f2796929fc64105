#!/usr/bin/env node
// Compiles the server and CLI (tsc) and the web app (vite) into dist/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
fs.rmSync('dist', { recursive: true, force: true });
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
fs.writeFileSync('dist/.build-stamp', new Date().toISOString());
