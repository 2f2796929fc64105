/** The core's staging batches (see staging.ts), added to `Database`. */
declare module '../db/db.schema.js' {
  interface Database {
    staging_batch: StagingBatchTable;
  }
}

export interface StagingBatchTable {
  id: string;
  /** What writes it, e.g. `intake.import`: the domain that publishes or discards it. */
  kind: string;
  /** `staged` (written, invisible), `live` (published; derived work may still be pending), `done`. */
  state: string;
  started_by: string | null;
  started_at: string;
  /** Last write of the batch: a staged batch nobody has touched for a while was abandoned. */
  touched_at: string;
  /** How far the follow-up work after publishing has got (a domain's own position, e.g. a seq). */
  cursor: number;
}
