import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import type { Config } from '../../core/config/config.js';
import { type Db, openDb, sqliteBackup } from '../../core/db/db.open.js';
import { backupFiles, restoreFiles } from '../../core/files/files.backup.js';
import { createLogger } from '../../core/log/logger.js';
import { createApp } from '../../main.js';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { testEngine } from '../../testing/test-db.js';

/**
 * Evidence beyond one server: on PostgreSQL every server on the database serves every file (they
 * are rows of `file_chunk`), and on both engines a restored backup serves the files it was taken with.
 */
let a: TestApp;
let dataDir: string;
const tmp: string[] = [];
before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-servers-'));
  a = await testApp({ dataDir });
});
after(async () => {
  await a.close();
  for (const d of [dataDir, ...tmp]) fs.rmSync(d, { recursive: true, force: true });
});

const scratch = (name: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `renkei-${name}-`));
  tmp.push(d);
  return d;
};

/** Another server process's worth of application on `db`: its own data directory and audit checkpoint. */
async function serverOn(db: Db, base: Config, dir = scratch('server')) {
  const s = await createApp({ ...base, dataDir: dir, demo: false, auditHeadFile: path.join(dir, 'head.json') }, db, createLogger('silent'));
  return {
    ...s,
    dir,
    async close() {
      await s.app.close();
      await s.jobs.stop(1000);
      await s.auditAnchor.flush();
      await db.close();
    },
  };
}

type Server = { app: TestApp['app'] };
const record = async (s: Server, who: Agent) => {
  const r = await s.app.inject({ method: 'POST', url: '/api/intake/consultations', headers: who.headers(), payload: consultationInput() });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id as string;
};
const upload = async (s: Server, who: Agent, id: string, bytes: Buffer) => {
  const r = await s.app.inject({
    method: 'POST',
    url: `/api/intake/consultations/${id}/files?name=${encodeURIComponent('通話録音.wav')}`,
    headers: { ...who.headers(), 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id as string;
};
const download = (s: Server, who: Agent, id: string, fileId: string) =>
  s.app.inject({ url: `/api/intake/consultations/${id}/files/${fileId}`, headers: who.headers() });
const filesUnder = (dir: string) =>
  fs.existsSync(path.join(dir, 'files')) ? fs.readdirSync(path.join(dir, 'files'), { recursive: true }) : [];

test('two servers on one PostgreSQL: a file uploaded through one downloads byte for byte from the other', {
  skip: testEngine !== 'postgres' && 'several servers share one database only on PostgreSQL',
}, async () => {
  const { url, schema } = a.t.where;
  const b = await serverOn(await openDb({ engine: 'postgres', url: url as string, searchPath: schema }), a.config);
  try {
    const onA = await loginAs(a.app, 'chuo.sato');
    const onB = await loginAs(b.app, 'chuo.sato');
    const bytes = randomBytes(1024 * 1024 + 7);
    const id = await record(a, onA);
    const fileId = await upload(a, onA, id, bytes);
    const dl = await download(b, onB, id, fileId);
    assert.equal(dl.statusCode, 200, dl.body);
    assert.equal(dl.rawPayload.equals(bytes), true, 'the other server sends the same bytes');
    // And the other way round, through the session the first server issued.
    const back = randomBytes(300_000);
    const fromB = await upload(b, onA, id, back);
    assert.equal((await download(a, onB, id, fromB)).rawPayload.equals(back), true);
    assert.deepEqual([...filesUnder(dataDir), ...filesUnder(b.dir)], [], "neither server's data directory holds evidence");
  } finally {
    await b.close();
  }
});

/**
 * Take a backup of the running app's database (and, on SQLite, its files) and open it as a new
 * server would: on PostgreSQL with an empty data directory, on SQLite in the restored one.
 */
async function backupAndRestore(): Promise<{ db: Db; dataDir?: string }> {
  const dir = scratch('restore');
  if (testEngine === 'postgres') {
    const { url, schema } = a.t.where as { url: string; schema: string };
    // What `renkei backup` tells the operator to run, limited to this test's schema.
    const dump = path.join(dir, 'renkei.dump');
    execFileSync('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${dump}`, url]);
    const name = `restore_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const restored = new URL(url);
    restored.pathname = `/${name}`;
    execFileSync('pg_restore', [`--dbname=${restored.href}`, dump]);
    return { db: await openDb({ engine: 'postgres', url: restored.href, searchPath: schema }) };
  }
  // What `renkei backup` and `renkei restore` do on SQLite: the database copy and the files beside it.
  const backup = path.join(dir, 'backup.sqlite');
  await sqliteBackup(a.t.where.file as string, backup);
  assert.ok(backupFiles(dataDir, backup) >= 1);
  const restoredDir = path.join(dir, 'data');
  restoreFiles(backup, restoredDir);
  fs.copyFileSync(backup, path.join(restoredDir, 'renkei.sqlite'));
  return { db: await openDb({ engine: 'sqlite', file: path.join(restoredDir, 'renkei.sqlite') }), dataDir: restoredDir };
}

test('a restored backup serves the evidence it was taken with', async () => {
  const who = await loginAs(a.app, 'chuo.sato');
  const bytes = randomBytes(700_000);
  const id = await record(a, who);
  const fileId = await upload(a, who, id, bytes);
  const restored = await backupAndRestore();
  const r = await serverOn(restored.db, a.config, restored.dataDir);
  try {
    const dl = await download(r, await loginAs(r.app, 'chuo.sato'), id, fileId);
    assert.equal(dl.statusCode, 200, dl.body);
    assert.equal(dl.rawPayload.equals(bytes), true);
  } finally {
    await r.close();
  }
});
