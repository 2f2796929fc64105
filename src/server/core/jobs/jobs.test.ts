import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { freshDb, type TestDb, testEngine } from '../../testing/test-db.js';
import { openDb } from '../db/db.open.js';
import { createLogger } from '../log/logger.js';
import { backoffMs, claimJobs, completeJob, enqueueJob, failJob, listJobs } from './jobs.repository.js';
import { createJobRunner } from './jobs.runner.js';
import { enqueueDueSchedules, ensureSchedule } from './jobs.schedule.js';

let t: TestDb;
beforeEach(async () => {
  t = await freshDb();
});
afterEach(() => t.cleanup());

const silent = createLogger('silent');

test('an idempotency key makes one job however often it is enqueued', async () => {
  const a = await enqueueJob(t.db, { kind: 'mail.send', idempotencyKey: 'k1' });
  const b = await enqueueJob(t.db, { kind: 'mail.send', idempotencyKey: 'k1' });
  assert.equal(a, b);
  assert.equal((await listJobs(t.db, { limit: 10 })).length, 1);
});

test('a due job is claimed once, by one worker, and completes', async () => {
  const id = await enqueueJob(t.db, { kind: 'k', payload: { n: 1 } });
  const first = await claimJobs(t.db, 'w1', 5, 60_000);
  const second = await claimJobs(t.db, 'w2', 5, 60_000);
  assert.deepEqual(
    first.map((j) => j.id),
    [id],
  );
  assert.deepEqual(first[0]?.payload, { n: 1 });
  assert.equal(second.length, 0);
  await completeJob(t.db, id, 'w1');
  const [job] = await listJobs(t.db, { limit: 1 });
  assert.equal(job?.status, 'succeeded');
});

test('a job scheduled for later is not claimed early', async () => {
  await enqueueJob(t.db, { kind: 'k', runAt: new Date(Date.now() + 60_000) });
  assert.equal((await claimJobs(t.db, 'w', 5, 60_000)).length, 0);
});

test('a failing job is retried with backoff, then marked failed for administrators', async () => {
  await enqueueJob(t.db, { kind: 'k', maxAttempts: 2 });
  const now = new Date();
  const [j1] = await claimJobs(t.db, 'w', 1, 60_000, now);
  assert.ok(j1);
  assert.equal(await failJob(t.db, j1, 'w', 'smtp down', { now }), 'retry');
  const [queued] = await listJobs(t.db, { status: 'queued', limit: 5 });
  assert.ok(queued && queued.runAt > now.toISOString(), 'retry waits for its backoff');
  const later = new Date(now.getTime() + 3_600_000);
  const [j2] = await claimJobs(t.db, 'w', 1, 60_000, later);
  assert.ok(j2);
  assert.equal(await failJob(t.db, j2, 'w', 'smtp still down', { now: later }), 'failed');
  const failed = await listJobs(t.db, { status: 'failed', limit: 5 });
  assert.equal(failed.length, 1);
  assert.equal(failed[0]?.lastError, 'smtp still down');
  assert.equal(failed[0]?.attempts, 2);
});

test('backoff grows and is capped at an hour', () => {
  const mid = () => 0.5;
  assert.equal(backoffMs(1, mid), 1000);
  assert.equal(backoffMs(4, mid), 8000);
  assert.equal(backoffMs(40, mid), 3_600_000);
});

test('a job whose worker died is taken again once its lock expires', async () => {
  const now = new Date();
  await enqueueJob(t.db, { kind: 'k' }, now);
  assert.equal((await claimJobs(t.db, 'dead-worker', 1, 1000, now)).length, 1);
  assert.equal((await claimJobs(t.db, 'w2', 1, 1000, new Date(now.getTime() + 500))).length, 0);
  const again = await claimJobs(t.db, 'w2', 1, 1000, new Date(now.getTime() + 5000));
  assert.equal(again.length, 1);
  assert.equal(again[0]?.attempts, 2);
});

test('a schedule enqueues one job per slot even when two processes poll', async () => {
  const now = new Date('2026-11-26T00:00:00.000Z');
  await ensureSchedule(t.db, { name: 'hourly', cron: '0 * * * *', kind: 'k' }, now);
  const due = new Date('2026-11-26T01:00:30.000Z');
  await Promise.all([enqueueDueSchedules(t.db, due), enqueueDueSchedules(t.db, due)]);
  await enqueueDueSchedules(t.db, due);
  assert.equal((await listJobs(t.db, { limit: 10 })).length, 1);
  await enqueueDueSchedules(t.db, new Date('2026-11-26T02:00:01.000Z'));
  assert.equal((await listJobs(t.db, { limit: 10 })).length, 2);
});

test('the runner executes handlers, records failures, and stops cleanly', async () => {
  const seen: unknown[] = [];
  await enqueueJob(t.db, { kind: 'ok', payload: { v: 1 } });
  await enqueueJob(t.db, { kind: 'boom', maxAttempts: 1 });
  await enqueueJob(t.db, { kind: 'nobody-handles-this' });
  const runner = createJobRunner({
    db: t.db,
    logger: silent,
    pollMs: 10_000,
    concurrency: 5,
    handlers: {
      ok: async (p) => {
        seen.push(p);
      },
      boom: async () => {
        throw new Error('it broke');
      },
    },
  });
  assert.equal(await runner.tick(), 3);
  await runner.stop(1000);
  assert.deepEqual(seen, [{ v: 1 }]);
  const failed = await listJobs(t.db, { status: 'failed', limit: 10 });
  assert.deepEqual(failed.map((j) => j.lastError).sort(), ['it broke', 'unknown job kind: nobody-handles-this']);
});

test('every server runs its own chores on its poll, each no more often than asked, and a failing chore stops nothing', async () => {
  const runs: string[] = [];
  await enqueueJob(t.db, { kind: 'ok' });
  const runner = createJobRunner({
    db: t.db,
    logger: silent,
    pollMs: 10_000,
    handlers: { ok: async () => {} },
    chores: [
      { name: 'often', everyMs: 0, run: async () => void runs.push('often') },
      { name: 'rarely', everyMs: 3_600_000, run: async () => void runs.push('rarely') },
      {
        name: 'broken',
        everyMs: 0,
        run: async () => {
          throw new Error('no');
        },
      },
    ],
  });
  assert.equal(await runner.tick(), 1, 'the queue is still served');
  await runner.tick();
  await runner.stop(1000);
  assert.deepEqual(runs, ['often', 'rarely', 'often']);
});

if (testEngine === 'postgres') {
  test('two server processes share the queue without taking a job twice (SKIP LOCKED)', async () => {
    for (let i = 0; i < 40; i++) await enqueueJob(t.db, { kind: 'k' });
    // A second pool on the same schema stands in for a second server process.
    const other = await openDb({ engine: 'postgres', url: t.where.url as string, searchPath: t.where.schema as string });
    try {
      const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimJobs(i % 2 ? other : t.db, `w${i}`, 5, 60_000)));
      const ids = claims.flat().map((j) => j.id);
      assert.equal(ids.length, 40);
      assert.equal(new Set(ids).size, 40);
    } finally {
      await other.close();
    }
  });
}
