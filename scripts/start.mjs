#!/usr/bin/env node
// `npm start`: build when dist/ is missing or older than the source, then serve with demo data,
// in this one process. package.json runs it with `exec`, so the process npm signals is the server
// itself: SIGTERM or Ctrl-C to `npm start` shuts the server down and frees its port.
import { spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
process.argv.splice(2, 0, 'serve', '--demo');
await import('../bin/renkei.js');
