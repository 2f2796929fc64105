import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db.open.js';
import type { Logger } from '../log/logger.js';
import { type ClaimedJob, claimJobs, completeJob, failJob } from './jobs.repository.js';
import { enqueueDueSchedules } from './jobs.schedule.js';
import type { JobContext } from './jobs.types.js';

export type { JobContext } from './jobs.types.js';

export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  db: Db;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  pollMs: number;
  concurrency?: number;
  lockMs?: number;
  /**
   * Chores every server runs for itself, not claimed through the queue: keeping its own in-memory
   * state (a cache, a matcher) in line with the shared database that other servers change.
   */
  chores?: Chore[];
}

export interface Chore {
  name: string;
  everyMs: number;
  run: () => Promise<void>;
}

export interface JobRunner {
  workerId: string;
  start(): void;
  /** Stop taking work and wait for running jobs (their signal is aborted after `timeoutMs`). */
  stop(timeoutMs: number): Promise<void>;
  /** Run one poll cycle now; tests use it instead of waiting for the timer. */
  tick(): Promise<number>;
}

export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const concurrency = opts.concurrency ?? 2;
  const lockMs = opts.lockMs ?? 5 * 60_000;
  const running = new Set<Promise<void>>();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  const lastChore = new Map<string, number>();

  async function runChores(): Promise<void> {
    const now = Date.now();
    for (const c of opts.chores ?? []) {
      if (now - (lastChore.get(c.name) ?? Number.NEGATIVE_INFINITY) < c.everyMs) continue;
      lastChore.set(c.name, now);
      try {
        await c.run();
      } catch (e) {
        opts.logger.warn({ chore: c.name, err: e instanceof Error ? e.message : String(e) }, 'chore failed');
      }
    }
  }

  async function runOne(job: ClaimedJob): Promise<void> {
    const handler = opts.handlers[job.kind];
    if (!handler) {
      await failJob(opts.db, job, workerId, `unknown job kind: ${job.kind}`, { final: true });
      opts.logger.error({ jobId: job.id, kind: job.kind }, 'job kind has no handler');
      return;
    }
    try {
      await handler(job.payload, { jobId: job.id, attempt: job.attempts, signal: abort.signal });
      await completeJob(opts.db, job.id, workerId);
    } catch (e) {
      const outcome = await failJob(opts.db, job, workerId, e instanceof Error ? e.message : String(e));
      // Only the message goes to the log: payloads may hold personal data.
      opts.logger.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, outcome }, 'job failed');
    }
  }

  async function tick(): Promise<number> {
    if (stopping) return 0;
    await runChores();
    await enqueueDueSchedules(opts.db);
    const free = concurrency - running.size;
    if (free <= 0) return 0;
    const jobs = await claimJobs(opts.db, workerId, free, lockMs);
    for (const job of jobs) {
      const p = runOne(job).finally(() => running.delete(p));
      running.add(p);
    }
    return jobs.length;
  }

  function schedule(): void {
    if (stopping) return;
    timer = setTimeout(() => {
      tick()
        .catch((e) => opts.logger.error({ err: e }, 'job poll failed'))
        .finally(schedule);
    }, opts.pollMs);
  }

  return {
    workerId,
    tick,
    start: schedule,
    async stop(timeoutMs) {
      stopping = true;
      if (timer) clearTimeout(timer);
      const all = Promise.allSettled([...running]);
      // Ask handlers to give up at the deadline; a handler that ignores its signal gets one more
      // second before we stop waiting (its lock then expires and another worker retries it).
      let t1: NodeJS.Timeout | undefined;
      let t2: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        t1 = setTimeout(() => abort.abort(), timeoutMs);
        t2 = setTimeout(resolve, timeoutMs + 1000);
      });
      await Promise.race([all, deadline]);
      clearTimeout(t1);
      clearTimeout(t2);
    },
  };
}
