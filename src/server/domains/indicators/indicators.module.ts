import { z } from 'zod';
import { defineJob, jobType } from '../../core/jobs/jobs.types.js';
import { serviceKey } from '../../core/module/module.services.js';
import type { DomainModule, ModuleContext } from '../../core/module/module.types.js';
import { bankTables } from './extract/extract.bank.js';
import { reapplyWarningLists, rebuildClusters } from './indicators.bulk.js';
import { openWarningLists, REANNOTATE_JOB, refreshLocalLists, refreshLocalListsIfChanged } from './indicators.locallists.js';
import { CLUSTERS_JOB } from './indicators.replace.js';
import { indicatorRoutes } from './indicators.routes.js';
import type { IndicatorDeps } from './indicators.usecases.js';
import type { WarningLists } from './indicators.warninglists.js';
import { m0003Indicators } from './migrations/0003_indicators.js';
import { m0005WarningLists } from './migrations/0005_warninglists.js';
import { m0008SightingRole } from './migrations/0008_sighting_role.js';
import { m0009SightingBatch } from './migrations/0009_sighting_batch.js';

/** The warning-list matcher, opened once per server and shared by every domain that extracts. */
export const warningListsKey = serviceKey<WarningLists>('indicators.warning_lists');

/** A warning list changed: bring stored indicators and clusters in line with the lists. */
export const reannotateJob = jobType(REANNOTATE_JOB, z.object({}));
/** An edit split a cluster too large to recompute inside the edit. */
export const rebuildClustersJob = jobType(CLUSTERS_JOB, z.object({}));

export function indicatorDeps(ctx: ModuleContext): IndicatorDeps {
  return {
    db: ctx.db,
    warnings: ctx.services.get(warningListsKey),
    commonThreshold: ctx.config.commonThreshold,
    labelRecords: ctx.recordTypes.label,
  };
}

/** 指標・相関分析: extraction, sightings, correlation, clusters and warning lists. */
export const indicatorsModule: DomainModule = {
  name: 'indicators',
  migrations: [m0003Indicators, m0005WarningLists, m0008SightingRole, m0009SightingBatch],
  jobs: [
    defineJob(reannotateJob, async (_p, ctx) => {
      const warnings = ctx.services.get(warningListsKey);
      await refreshLocalLists(ctx.db.kysely, warnings);
      await reapplyWarningLists(ctx.db, warnings);
    }),
    defineJob(rebuildClustersJob, async (_p, ctx) => {
      await rebuildClusters(ctx.db);
    }),
  ],
  async setup(ctx) {
    const warnings = await openWarningLists(ctx.db.kysely, (file, reason) => ctx.logger.warn({ file, reason }, 'warning list skipped'));
    ctx.services.provide(warningListsKey, warnings);
    // The bank tables load on first use (extract.zengin.ts); build them once the server is up, so
    // the first consultation that names a bank does not wait for them.
    setTimeout(bankTables, 1000).unref();
  },
  routes: (ctx) => indicatorRoutes(indicatorDeps(ctx)),
  // Another server's edit of a local warning list reaches this server's matcher within half a minute.
  chores: (ctx) => [
    {
      name: 'indicators.refresh_lists',
      everyMs: 30_000,
      run: async () => {
        await refreshLocalListsIfChanged(ctx.db.kysely, ctx.services.get(warningListsKey));
      },
    },
  ],
};
