#!/usr/bin/env node
// Starts the built server with --demo on a free loopback port in a throwaway data directory — on
// PostgreSQL when run under with-postgres.mjs (its RENKEI_TEST_DATABASE_URL becomes DATABASE_URL;
// the server refuses RENKEI_TEST_* itself) — runs the given command with the base URL appended,
// then stops the server. Exits with the command's status.
// Usage: [with-postgres.mjs] serve-and-run.mjs <cmd> [args…]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const cmd = process.argv.slice(2);
if (cmd.length === 0) {
  console.error('usage: serve-and-run.mjs <command> [args…]');
  process.exit(2);
}
const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = s.address();
    s.close(() => resolve(p));
  });
});
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-serve-'));
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('RENKEI_TEST_')));
if (process.env.RENKEI_TEST_DB === 'postgres') env.DATABASE_URL = process.env.RENKEI_TEST_DATABASE_URL;
const server = spawn(process.execPath, ['bin/renkei.js', 'serve', '--demo'], {
  env: { ...env, RENKEI_DATA_DIR: dataDir, RENKEI_PORT: String(port), RENKEI_LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
let status = 1;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {}
    if (i > 300 || server.exitCode !== null) throw new Error('the server did not become ready');
    await new Promise((r) => setTimeout(r, 200));
  }
  status = spawnSync(cmd[0], [...cmd.slice(1), base], { stdio: 'inherit', env: { ...env } }).status ?? 1;
} catch (e) {
  console.error(`FAILED: ${e.message}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
