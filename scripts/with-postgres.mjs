#!/usr/bin/env node
// Starts a throwaway PostgreSQL cluster on loopback, runs the given command against it with
// RENKEI_TEST_DB=postgres and RENKEI_TEST_DATABASE_URL set, then stops and deletes the cluster,
// also when the command fails or we are interrupted. Usage: with-postgres.mjs <cmd> [args…]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function findBin(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    const versions = fs.readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (fs.existsSync(path.join(base, v, 'bin', name))) return path.join(base, v, 'bin', name);
  }
  throw new Error(`${name} not found: install PostgreSQL (Debian: apt-get install postgresql)`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const cmd = process.argv.slice(2);
if (cmd.length === 0) {
  console.error('usage: with-postgres.mjs <command> [args…]');
  process.exit(2);
}
const initdb = findBin('initdb');
const pgCtl = findBin('pg_ctl');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-pg-'));
const data = path.join(dir, 'data');
// PostgreSQL refuses to run as root; CI runs as root, so the cluster runs as `postgres`.
const asRoot = process.getuid?.() === 0;
const wrap = (bin, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]);
if (asRoot) execFileSync('chown', ['postgres', dir]);

let started = false;
function stop() {
  if (started) {
    const [b, a] = wrap(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
    spawnSync(b, a, { stdio: 'ignore' });
    started = false;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stop();
    process.exit(130);
  });
}

let status = 1;
try {
  const port = await freePort();
  let [b, a] = wrap(initdb, ['-D', data, '-U', 'renkei', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  execFileSync(b, a, { stdio: 'ignore' });
  // A test cluster: loopback only, socket in our own directory, durability traded for speed —
  // except for benchmarks (PG_DURABLE=1), which must pay for durable commits as SQLite does.
  const durability =
    process.env.PG_DURABLE === '1' ? '-c shared_buffers=1GB' : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} ${durability} -c max_connections=200`;
  [b, a] = wrap(pgCtl, ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  execFileSync(b, a, { stdio: 'ignore' });
  started = true;
  const url = `postgres://renkei@127.0.0.1:${port}/postgres`;
  const r = spawnSync(cmd[0], cmd.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, RENKEI_TEST_DB: 'postgres', RENKEI_TEST_DATABASE_URL: url },
  });
  status = r.status ?? 1;
} catch (e) {
  console.error(`PostgreSQL を起動できませんでした / could not start PostgreSQL: ${e.message}`);
  const log = path.join(dir, 'server.log');
  if (fs.existsSync(log)) console.error(fs.readFileSync(log, 'utf8').slice(-2000));
  status = 1;
} finally {
  stop();
}
process.exit(status);
