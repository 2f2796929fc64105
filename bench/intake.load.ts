import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { ownerTag } from '../src/server/core/access/access.filter.js';
import { withTx } from '../src/server/core/db/db.tx.js';
import type { Principal } from '../src/server/core/http/http.principal.js';
import { indexMany } from '../src/server/core/search/search.index.js';
import { afterBulkLoad, extract, ingestBulk, rebuildClusters } from '../src/server/domains/indicators/index.js';
import { consultationRow, type IntakeDeps, SEARCH_INDEX, searchDoc } from '../src/server/domains/intake/index.js';
import { generateRecord } from './intake.generate.js';

/**
 * Bulk-load N generated consultations as the intake domain writes them (rows, search documents,
 * indicator sightings), spread over the demo stations, then rebuild clusters and refresh the
 * planner's statistics. Shared by the intake and load benchmarks; loading is not what they time.
 */
export async function loadRecords(
  deps: IntakeDeps,
  author: Principal,
  n: number,
  rand: () => number,
  pools: { phones: number; domains: number; accounts: number },
): Promise<void> {
  const { db, warnings } = deps;
  const stations = await db.kysely.selectFrom('unit').select(['id', 'name']).where('kind', '=', 'station').orderBy('code').execute();
  const first = Number((await db.kysely.selectFrom('consultation').select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
  if (db.dialect.engine === 'postgres') await sql`drop index consultation_search_gin`.execute(db.kysely);
  const t0 = performance.now();
  const BATCH = 2000;
  const now = new Date();
  let narrativeChars = 0;
  for (let k = 0; k < n; k += BATCH) {
    const recs: (ReturnType<typeof consultationRow> & { seq: number })[] = [];
    for (let i = k; i < Math.min(n, k + BATCH); i++) {
      const g = generateRecord(rand, pools, i);
      const unit = stations[g.unitIndex % stations.length] as { id: string };
      recs.push({
        ...consultationRow(deps, { unitId: unit.id, userId: author.userId }, randomUUID(), g.input, {
          receivedAt: g.receivedAt,
          now,
          followUp: false,
          refNo: `B-${first + i + 1}`,
        }),
        seq: first + i + 1,
      });
      narrativeChars += g.input.narrative.length;
    }
    await withTx(db, async (tx) => {
      for (let c = 0; c < recs.length; c += 250)
        await tx.kysely
          .insertInto('consultation')
          .values(recs.slice(c, c + 250))
          .execute();
      await indexMany(
        tx,
        SEARCH_INDEX,
        recs.map((r) => ({ seq: r.seq, text: searchDoc(r), tags: [ownerTag(r.owning_unit_id)] })),
      );
      await ingestBulk(
        tx,
        recs.map((r) => ({
          rec: { recordType: 'consultation', recordId: r.id, unitId: r.owning_unit_id },
          items: extract(r.narrative).map((h) => ({ type: h.type, value: h.value, start: h.start, end: h.end })),
        })),
        { commonThreshold: deps.commonThreshold, warningsFor: (t, v) => warnings.match(t, v), freshRecords: true },
      );
    });
    if ((k / BATCH) % 25 === 0) process.stderr.write(`\r  load ${(k + BATCH).toLocaleString()} records`);
  }
  process.stderr.write('\n');
  const loadS = (performance.now() - t0) / 1000;
  console.log(
    `load: ${n.toLocaleString()} records (narratives ${(narrativeChars / Math.max(1, n)).toFixed(0)} chars on average) in ${loadS.toFixed(0)} s = ${Math.round(n / loadS).toLocaleString()} records/s`,
  );
  const t1 = performance.now();
  if (db.dialect.engine === 'postgres') {
    await sql`create index consultation_search_gin on consultation_search using gin (doc)`.execute(db.kysely);
    await sql`select setval(pg_get_serial_sequence('consultation', 'seq'), ${first + n + 1}, false)`.execute(db.kysely);
  }
  await rebuildClusters(db);
  await afterBulkLoad(db);
  await sql`analyze`.execute(db.kysely);
  console.log(`search index, clusters, statistics: ${((performance.now() - t1) / 1000).toFixed(0)} s`);
}
