/**
 * Start-up time of the built server: from process spawn to a 200 from /readyz, on a fresh
 * data directory (first run: migrations, first administrator, demo data) and on an existing
 * one (a restart). Prints the median and range of several runs. Needs `npm run build` first.
 *   npx tsx bench/startup.bench.ts [runs]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { renkeiEnv } from './bench.util.js';

const runs = Number(process.argv[2] ?? 5);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startOnce(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/renkei.js', 'serve', '--demo'], {
    env: renkeiEnv({
      RENKEI_DATA_DIR: dataDir,
      RENKEI_PORT: String(port),
      RENKEI_LOG_LEVEL: 'silent',
      RENKEI_ADMIN_PASSWORD: 'bench-admin-password',
    }),
    stdio: 'ignore',
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 5));
  }
  const ms = performance.now() - t0;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return ms;
}

function summary(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)] ?? 0;
  return `median ${median.toFixed(0)} ms (min ${s[0]?.toFixed(0)}, max ${s[s.length - 1]?.toFixed(0)}, n=${s.length})`;
}

if (!fs.existsSync('dist/cli/cli.main.js')) {
  console.error('build first: npm run build');
  process.exit(1);
}
const first: number[] = [];
const restart: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-bench-'));
  first.push(await startOnce(dir));
  restart.push(await startOnce(dir));
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`start-up, first run (migrate + admin + demo data): ${summary(first)}`);
console.log(`start-up, restart on existing data:               ${summary(restart)}`);
