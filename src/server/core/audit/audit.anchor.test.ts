import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import { freshDb, type TestDb } from '../../testing/test-db.js';
import { createKeyring, generateMasterKey, type Keyring } from '../crypto/crypto.keyring.js';
import type { Db } from '../db/db.open.js';
import { withTx } from '../db/db.tx.js';
import { createLogger } from '../log/logger.js';
import { createAuditAnchor, type RunningAnchor } from './audit.anchor.js';
import { chainHash, GENESIS_HASH } from './audit.chain.js';
import { readCheckpoint } from './audit.checkpoint.js';
import { systemCtx } from './audit.context.js';
import { describeChainReport, verifyAuditChain } from './audit.verify.js';
import { audit } from './audit.writer.js';

/**
 * Someone with database access (and without the key file or the checkpoint) tries to hide
 * events: by deleting the newest, all of them, or some in the middle with the later hashes
 * recomputed. Each must show, on both engines, and the application must not append on top.
 */
let t: TestDb;
let dir: string;
const k1 = generateMasterKey('k1');
const keys1 = createKeyring([k1], 'k1');
const silent = createLogger('silent');

beforeEach(async () => {
  t = await freshDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-anchor-'));
});
afterEach(async () => {
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const headFile = () => path.join(dir, 'renkei.audit-head.json');

async function anchored(keys: Keyring = keys1): Promise<RunningAnchor> {
  const a = createAuditAnchor({ db: t.db, keys, file: headFile(), logger: silent });
  await a.start();
  return a;
}

async function write(n: number, anchor?: RunningAnchor): Promise<void> {
  for (let i = 0; i < n; i++) await withTx(t.db, (tx) => audit(tx, systemCtx, { action: 'system.job.retry', target: `j${i}` }));
  await anchor?.flush();
}

/** What an administrator with database access can do: switch the append-only guard off. */
async function behindTheTriggers(db: Db, fn: () => Promise<unknown>): Promise<void> {
  if (db.dialect.engine === 'postgres') {
    await sql`alter table audit_event disable trigger user`.execute(db.kysely);
    await fn();
    await sql`alter table audit_event enable trigger user`.execute(db.kysely);
  } else {
    await sql`drop trigger if exists audit_event_no_update`.execute(db.kysely);
    await sql`drop trigger if exists audit_event_no_delete`.execute(db.kysely);
    await fn();
  }
}

const seqs = async () => (await t.db.kysely.selectFrom('audit_event').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));

test('deleting the newest events is reported with what is missing, and nothing more is appended', async () => {
  const a = await anchored();
  await write(15, a);
  const all = await seqs();
  const lost = all.slice(-4);
  await behindTheTriggers(t.db, () => t.db.kysely.deleteFrom('audit_event').where('seq', 'in', lost).execute());

  const r = await verifyAuditChain(t.db);
  assert.equal(r.ok, false);
  assert.equal(r.reason, 'truncated');
  assert.deepEqual(r.missing, { rows: 4, fromSeq: lost[0], toSeq: lost[3] });
  assert.match(describeChainReport(r), new RegExp(`末尾の 4 件（連番 ${lost[0]}〜${lost[3]}）が失われています`));

  // On either engine the next mutation's audit write is refused, so the gap is never buried.
  await assert.rejects(
    withTx(t.db, (tx) => audit(tx, systemCtx, { action: 'system.job.retry', target: 'after' })),
    /audit\.chain_behind_checkpoint/,
  );
  assert.deepEqual(await seqs(), all.slice(0, -4));
  // A restarted server reads the checkpoint file and refuses too; the checkpoint did not move back.
  const again = await anchored();
  assert.ok(again.broken());
  const cp = readCheckpoint(headFile(), keys1);
  assert.equal(cp.state === 'ok' ? cp.checkpoint.seq : -1, lost[3]);
});

test('deleting every event is reported as all of them missing', async () => {
  const a = await anchored();
  await write(6, a);
  const all = await seqs();
  await behindTheTriggers(t.db, () => t.db.kysely.deleteFrom('audit_event').execute());
  const r = await verifyAuditChain(t.db);
  assert.equal(r.ok, false);
  assert.equal(r.reason, 'truncated');
  assert.deepEqual(r.missing, { rows: 6, fromSeq: 1, toSeq: all[5] });
  await assert.rejects(
    withTx(t.db, (tx) => audit(tx, systemCtx, { action: 'system.job.retry', target: 'x' })),
    /chain_behind_checkpoint/,
  );
});

test('deleting two events and recomputing the later hashes cannot be done without the key', async () => {
  const a = await anchored();
  await write(10, a);
  const all = await seqs();
  const gone = [all[3], all[4]] as number[];
  // The forger recomputes every later hash the only way open to them: plain SHA-256 (or HMAC under a guessed key).
  await behindTheTriggers(t.db, async () => {
    await t.db.kysely.deleteFrom('audit_event').where('seq', 'in', gone).execute();
    let prev = (
      await t.db.kysely
        .selectFrom('audit_event')
        .select('hash')
        .where('seq', '=', all[2] as number)
        .executeTakeFirstOrThrow()
    ).hash;
    for (const seq of all.slice(5)) {
      const {
        seq: _s,
        hash: _h,
        key_id: _k,
        ...row
      } = await t.db.kysely.selectFrom('audit_event').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
      const hash = chainHash({ ...row, prev_hash: prev });
      await t.db.kysely.updateTable('audit_event').set({ prev_hash: prev, hash, key_id: null }).where('seq', '=', seq).execute();
      prev = hash;
    }
  });
  // Even without the checkpoint, the keyed chain does not accept an unkeyed row after a keyed one.
  const withoutCheckpoint = await verifyAuditChain(t.db, { checkpoint: { state: 'missing' } });
  assert.equal(withoutCheckpoint.ok, false);
  assert.equal(withoutCheckpoint.brokenAtSeq, all[5]);
  assert.equal(withoutCheckpoint.reason, 'hash');
  // And a forger who keeps the key id but has no key gets a hash that does not verify.
  const other = createKeyring([generateMasterKey('k1')], 'k1');
  const forged = await verifyAuditChain(t.db, { keys: other, checkpoint: { state: 'missing' } });
  assert.equal(forged.ok, false);
  await assert.rejects(
    withTx(t.db, (tx) => audit(tx, systemCtx, { action: 'system.job.retry', target: 'x' })),
    /chain_behind_checkpoint/,
  );
});

test('rows from before keyed hashes still verify; the chain is keyed from a recorded sequence number', async () => {
  await write(3); // an earlier version: no keys bound, plain SHA-256, key_id null
  const legacy = await t.db.kysely.selectFrom('audit_event').select(['key_id', 'prev_hash']).orderBy('seq').execute();
  assert.deepEqual(
    legacy.map((r) => r.key_id),
    [null, null, null],
  );
  assert.equal(legacy[0]?.prev_hash, GENESIS_HASH);
  const a = await anchored();
  await write(3, a);
  const all = await seqs();
  const r = await verifyAuditChain(t.db);
  assert.equal(r.ok, true, describeChainReport(r));
  assert.equal(r.anchored, true);
  const cp = readCheckpoint(headFile(), keys1);
  assert.ok(cp.state === 'ok');
  assert.equal(cp.checkpoint.keyedFrom, all[3]);
  assert.equal(cp.checkpoint.seq, all[5]);
  assert.equal(cp.checkpoint.rows, 6);
  // Without its keys bound, code may not add an unkeyed row to a keyed chain.
  const unbound = await freshDbTwin();
  await assert.rejects(
    withTx(unbound, (tx) => audit(tx, systemCtx, { action: 'system.job.retry', target: 'x' })),
    /the audit chain is keyed/,
  );
  await unbound.close();
});

/** A second connection to the same database, with nothing bound to it. */
async function freshDbTwin(): Promise<Db> {
  const { openDb } = await import('../db/db.open.js');
  if (t.db.dialect.engine === 'postgres') {
    return openDb({ engine: 'postgres', url: t.where.url as string, searchPath: t.where.schema as string });
  }
  return openDb({ engine: 'sqlite', file: t.where.file as string });
}

test('after a key rotation, rows under the old key still verify while it is kept; without it verification says which key', async () => {
  const a = await anchored();
  await write(3, a);
  const k2 = generateMasterKey('k2');
  const rotated = createKeyring([k1, k2], 'k2');
  const b = await anchored(rotated); // the old checkpoint is MAC'd under k1 and still accepted
  assert.equal(b.broken(), null);
  await write(3, b);
  const ids = (await t.db.kysely.selectFrom('audit_event').select('key_id').orderBy('seq').execute()).map((r) => r.key_id);
  assert.deepEqual(ids, ['k1', 'k1', 'k1', 'k2', 'k2', 'k2']);
  assert.equal((await verifyAuditChain(t.db)).ok, true);
  const cp = readCheckpoint(headFile(), rotated);
  assert.ok(cp.state === 'ok');
  const onlyNew = createKeyring([k2], 'k2');
  const r = await verifyAuditChain(t.db, { keys: onlyNew, checkpoint: cp });
  assert.equal(r.ok, false);
  assert.equal(r.reason, 'unknown_key');
  assert.equal(r.brokenAtSeq, (await seqs())[0]);
});

test('a checkpoint file edited without the key is refused, and so are appends', async () => {
  const a = await anchored();
  await write(4, a);
  const text = JSON.parse(fs.readFileSync(headFile(), 'utf8'));
  fs.writeFileSync(headFile(), JSON.stringify({ ...text, seq: 1, rows: 1 }));
  const r = await verifyAuditChain(t.db);
  assert.equal(r.ok, false);
  assert.equal(r.reason, 'checkpoint_invalid');
  const b = await anchored();
  assert.match(b.broken() ?? '', /MAC mismatch/);
  await assert.rejects(
    withTx(t.db, (tx) => audit(tx, systemCtx, { action: 'system.job.retry', target: 'x' })),
    /chain_behind_checkpoint/,
  );
});

test('the checkpoint file is written atomically, owner-only, and follows every append', async () => {
  const a = await anchored();
  await write(2);
  // The anchor flushes on its own after the commit (nobody calls flush here): wait for it, up to
  // 5 s on a busy machine, rather than a fixed few milliseconds.
  const last = (await seqs())[1];
  let cp = readCheckpoint(headFile(), keys1);
  for (let waited = 0; waited < 5000 && !(cp.state === 'ok' && cp.checkpoint.seq === last); waited += 20) {
    await new Promise((r) => setTimeout(r, 20));
    cp = readCheckpoint(headFile(), keys1);
  }
  assert.ok(cp.state === 'ok');
  assert.equal(cp.checkpoint.seq, last);
  assert.equal(fs.statSync(headFile()).mode & 0o777, 0o600);
  assert.deepEqual(
    fs.readdirSync(dir).filter((f) => f.includes('.tmp')),
    [],
  );
  assert.equal(a.broken(), null);
});
