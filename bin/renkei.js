#!/usr/bin/env node
// Runs the compiled CLI (dist/cli/cli.main.js). A fresh clone after `npm install` has not built it
// yet: build it first (scripts/build-if-stale.mjs, as `npm start` does) instead of dying with
// "Cannot find module".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const main = new URL('../dist/cli/cli.main.js', import.meta.url);
if (!fs.existsSync(main)) {
  const builder = fileURLToPath(new URL('../scripts/build-if-stale.mjs', import.meta.url));
  const built = fs.existsSync(builder) && spawnSync(process.execPath, [builder], { cwd: root, stdio: ['ignore', 2, 2] }).status === 0;
  if (!built || !fs.existsSync(main)) {
    process.stderr.write(
      '連携 Renkei はまだビルドされていません。リポジトリで `npm install && npm run build` を実行してください。\n' +
        'Renkei is not built yet: run `npm install && npm run build` in its folder.\n',
    );
    process.exit(1);
  }
}
await import(main.href);
