import type { z } from 'zod';

/** What a running job is told: which job, which attempt, and when to give up. */
export interface JobContext {
  jobId: string;
  attempt: number;
  signal: AbortSignal;
}

/**
 * A job's name and the shape of its payload, declared once by the domain that owns it. Whoever
 * enqueues names the type, not a string, and the runner checks the payload against the schema
 * before the handler sees it (a payload written by an older build is refused, not cast).
 */
export interface JobType<P> {
  kind: string;
  payload: z.ZodType<P>;
}

export function jobType<S extends z.ZodType>(kind: string, payload: S): JobType<z.output<S>> {
  return { kind, payload: payload as unknown as z.ZodType<z.output<S>> };
}

/** A job type bound to the code that runs it, optionally on a schedule (cron, evaluated in JST). */
export interface JobDef<Ctx> {
  type: JobType<unknown>;
  cron?: string;
  run(payload: unknown, ctx: Ctx, job: JobContext): Promise<void>;
}

export function defineJob<P, Ctx>(
  type: JobType<P>,
  run: (payload: P, ctx: Ctx, job: JobContext) => Promise<void>,
  opts: { cron?: string } = {},
): JobDef<Ctx> {
  return { type: type as JobType<unknown>, cron: opts.cron, run: run as JobDef<Ctx>['run'] };
}
