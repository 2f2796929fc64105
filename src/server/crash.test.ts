import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readCheckpoint } from './core/audit/audit.checkpoint.js';
import { verifyAuditChain } from './core/audit/audit.verify.js';
import { loadKeyring } from './core/crypto/crypto.keysource.js';
import { openDb } from './core/db/db.open.js';
import { hashToken } from './domains/auth/auth.sessions.js';
import { DEMO_PASSWORD } from './domains/org/index.js';
import { testEngine } from './testing/test-db.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error('server exited before it was ready');
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

// SQLite is the engine whose durability is ours to configure (WAL + synchronous=FULL);
// PostgreSQL's is the server's, so this runs in the SQLite pass.
if (testEngine === 'sqlite') {
  test('kill -9 during writes loses no committed transaction (SQLite)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-crash-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/cli.main.ts', 'serve', '--demo'], {
      env: {
        ...process.env,
        RENKEI_DATA_DIR: dir,
        RENKEI_PORT: String(port),
        RENKEI_ADMIN_PASSWORD: 'crash-test-admin-pw',
        RENKEI_LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.once('exit', r));
    try {
      await waitReady(url, child);
      // Each acknowledged login is a committed transaction: a session row plus its audit event.
      const acknowledged: string[] = [];
      let stop = false;
      const worker = async () => {
        while (!stop) {
          try {
            const r = await fetch(`${url}/api/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ loginId: 'chuo.sato', password: DEMO_PASSWORD }),
            });
            const m = /renkei_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '');
            if (r.status === 200 && m?.[1]) acknowledged.push(m[1]);
          } catch {
            return; // the server is gone
          }
        }
      };
      const workers = Array.from({ length: 4 }, worker);
      await new Promise((r) => setTimeout(r, 1500));
      child.kill('SIGKILL'); // while requests are in flight
      stop = true;
      await Promise.all(workers);
      await exited;
      assert.ok(acknowledged.length >= 5, `only ${acknowledged.length} writes before the kill`);

      const db = await openDb({ engine: 'sqlite', file: path.join(dir, 'renkei.sqlite') });
      try {
        const stored = new Set((await db.kysely.selectFrom('session').select('id_hash').execute()).map((r) => r.id_hash));
        const lost = acknowledged.filter((t) => !stored.has(hashToken(t)));
        assert.deepEqual(lost, [], 'every acknowledged session survived');
        // Keyed chain and head checkpoint outside the database: a commit the checkpoint saw survived.
        const keys = loadKeyring({ kind: 'file', path: path.join(dir, 'renkei.keys.json') });
        const chain = await verifyAuditChain(db, { keys, checkpoint: readCheckpoint(path.join(dir, 'renkei.audit-head.json'), keys) });
        assert.ok(chain.ok, `the audit chain is intact after the crash: ${chain.reason}`);
        assert.ok(chain.anchored, 'the head checkpoint was written');
        assert.ok(chain.rows >= acknowledged.length);
      } finally {
        await db.close();
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
