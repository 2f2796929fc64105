#!/usr/bin/env node
// `npm start` builds only when dist/ is missing or older than a source file,
// so a second start is immediate and a fresh clone still works with one command.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const stamp = 'dist/.build-stamp';
const inputs = ['src', 'package.json', 'vite.config.ts', 'tsconfig.json', 'tsconfig.build.json'];
const sourceTime = Math.max(
  ...inputs.filter((p) => fs.existsSync(p)).map((p) => (fs.statSync(p).isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)),
);
if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= sourceTime) process.exit(0);
process.stderr.write('ビルドしています / building…\n');
const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
