import type { Generated } from 'kysely';

/** The indicators domain's tables, added to the core's `Database` type. */
declare module '../../core/db/db.schema.js' {
  interface Database {
    indicator: IndicatorTable;
    sighting: SightingTable;
    record_cluster: RecordClusterTable;
    cluster: ClusterTable;
    warning_list: WarningListTable;
  }
}

export interface IndicatorTable {
  id: Generated<number>;
  type: string;
  value: string;
  first_seen_at: string;
  last_seen_at: string;
  record_count: Generated<number>;
  common: Generated<number>;
  /** JSON array of warning-list names that matched; null when none. */
  warning: string | null;
}

export interface SightingTable {
  id: Generated<number>;
  indicator_id: number;
  record_type: string;
  record_id: string;
  unit_id: string | null;
  seen_at: string;
  start_offset: number | null;
  end_offset: number | null;
  /** offender, victim or unknown (contracts `indicatorRoles`); victim sightings are never correlated. */
  role: Generated<string>;
  /**
   * The staging batch (core/staging) of a record written by a register import still in progress:
   * its sightings are neither correlated, counted nor looked up until the batch is published.
   */
  batch_id: string | null;
}

export interface RecordClusterTable {
  record_type: string;
  record_id: string;
  cluster_id: number;
  unit_id: string | null;
}

export interface ClusterTable {
  id: Generated<number>;
  size: number;
}

export interface WarningListTable {
  id: string;
  name: string;
  kind: string;
  entries: string;
  version: Generated<number>;
  created_by: string | null;
  updated_at: string;
}
