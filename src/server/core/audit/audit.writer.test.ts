import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { freshDb, type TestDb, testEngine } from '../../testing/test-db.js';
import { withTx } from '../db/db.tx.js';
import { systemCtx } from './audit.context.js';
import { verifyAuditChain } from './audit.verify.js';
import { audit } from './audit.writer.js';

let t: TestDb;
beforeEach(async () => {
  t = await freshDb();
});
afterEach(() => t.cleanup());

const trail = () => t.db.kysely.selectFrom('audit_event').select(['id', 'target_id', 'prev_hash', 'hash']).orderBy('seq').execute();

test('events audited in a transaction are chained in the order audited when it commits, and not at all when it rolls back', async () => {
  const ids = await withTx(t.db, async (tx) => [
    await audit(tx, systemCtx, { action: 'system.job.retry', target: 'a' }),
    await audit(tx, systemCtx, { action: 'system.job.retry', target: 'b' }),
  ]);
  await assert.rejects(
    withTx(t.db, async (tx) => {
      await audit(tx, systemCtx, { action: 'system.job.retry', target: 'lost' });
      throw new Error('the change fails after it was audited');
    }),
  );
  await withTx(t.db, (tx) => audit(tx, systemCtx, { action: 'system.job.retry', target: 'c' }));
  const rows = await trail();
  assert.deepEqual(
    rows.map((r) => r.target_id),
    ['a', 'b', 'c'],
    'the rolled-back event is nowhere',
  );
  assert.deepEqual(
    rows.slice(0, 2).map((r) => r.id),
    ids,
    'audit() returns the id the event is stored under',
  );
  assert.equal(rows[1]?.prev_hash, rows[0]?.hash);
  assert.equal(rows[2]?.prev_hash, rows[1]?.hash);
  assert.equal((await verifyAuditChain(t.db)).ok, true);
});

// SQLite runs one transaction at a time, so only PostgreSQL has concurrent writers to keep apart.
if (testEngine === 'postgres') {
  test('a save that audited early does not hold the chain lock while it goes on: another save audits and commits meanwhile', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let audited = () => {};
    const firstAudited = new Promise<void>((r) => {
      audited = r;
    });
    const slow = withTx(t.db, async (tx) => {
      await audit(tx, systemCtx, { action: 'system.job.retry', target: 'slow' });
      audited();
      await held; // correlation, rules, notifications: the rest of a long save
    });
    await firstAudited;
    const quick = withTx(t.db, (tx) => audit(tx, systemCtx, { action: 'system.job.retry', target: 'quick' })).then(() => 'committed');
    const outcome = await Promise.race([quick, new Promise((r) => setTimeout(() => r('waited'), 3000))]);
    release();
    await slow;
    await quick;
    assert.equal(outcome, 'committed', 'the second save did not wait for the first to finish');
    assert.deepEqual(
      (await trail()).map((r) => r.target_id),
      ['quick', 'slow'],
      'the chain follows commit order',
    );
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });
}
