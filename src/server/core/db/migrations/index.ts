import { m0001Core } from './0001_core.js';
import { m0002Security } from './0002_security.js';
import { m0003Indicators } from './0003_indicators.js';
import { m0004Intake } from './0004_intake.js';
import { m0005WarningLists } from './0005_warninglists.js';
import { m0006SearchBuckets } from './0006_search_buckets.js';
import type { Migration } from './migration.types.js';

/** The one ordered migration list, run on both engines. Append only; never edit a released one. */
export const migrations: readonly Migration[] = [
  m0001Core,
  m0002Security,
  m0003Indicators,
  m0004Intake,
  m0005WarningLists,
  m0006SearchBuckets,
];
