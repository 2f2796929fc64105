import { type Expression, type SqlBool, sql } from 'kysely';
import type { ListFilters, ListQuery } from '../../../contracts/intake.contracts.js';
import { partPredicate, type ReadablePart, readableParts } from '../../core/access/access.filter.js';
import type { Db } from '../../core/db/db.open.js';
import type { Tx } from '../../core/db/db.tx.js';
import { filteredQuery, RECORD_TYPE, type Viewer } from './intake.repository.js';

/**
 * Counts per station, category and 手口 over what the caller may read.
 *
 * A prefecture's statistics cannot be bounded by an index — every record counts — and counting a
 * million rows took seconds. Whole months of the caller's own or every unit's records are summed
 * from `consultation_tally` (kept by triggers); the partial months at either end of a date range
 * and the few records shared with the caller are counted live. Filters the tally does not carry
 * (search words, status, escalation, damage) count live throughout.
 */
type Filters = ListFilters;
type Count = { unit: string; category: string; modus: string; n: number };

const ref = { type: RECORD_TYPE, idColumn: 'c.id', ownerUnitColumn: 'c.owning_unit_id' };

export async function stats(db: Db, v: Viewer, f: Filters) {
  const parts = await readableParts(db.kysely, v, RECORD_TYPE);
  const counts: Count[] = [];
  const tallied = !f.q && !f.status && !f.escalation && f.minDamage === undefined;
  const range = tallied ? monthSplit(f.from, f.to) : null;
  for (const part of parts) {
    const access = partPredicate(part, v, ref);
    if (!range || part.kind === 'shared') {
      counts.push(...(await live(db, v, f, access, f.from ? iso(f.from) : null, f.to ? iso(f.to) : null)));
      continue;
    }
    if (range.full) counts.push(...(await fromTally(db, f, part, range.full)));
    for (const [from, to] of range.partial) counts.push(...(await live(db, v, f, access, from, to)));
  }
  return summarise(db, counts);
}

const iso = (d: string) => new Date(d).toISOString();
const monthOf = (isoTime: string) => isoTime.slice(0, 7);
const monthStart = (month: string) => `${month}-01T00:00:00.000Z`;
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * [from, to) as whole months [fromMonth, toMonth) for the tally and up to two partial ranges
 * (ISO times; null for an open end) to count live.
 */
export function monthSplit(
  from: string | undefined,
  to: string | undefined,
): { full: { from: string | null; to: string | null } | null; partial: [string | null, string | null][] } {
  const a = from ? iso(from) : null;
  const b = to ? iso(to) : null;
  const fullFrom = a === null ? null : a === monthStart(monthOf(a)) ? monthOf(a) : nextMonth(monthOf(a));
  const fullTo = b === null ? null : monthOf(b);
  if (fullFrom !== null && fullTo !== null && fullFrom >= fullTo) return { full: null, partial: [[a, b]] };
  const partial: [string | null, string | null][] = [];
  if (a !== null && fullFrom !== null && a !== monthStart(fullFrom)) partial.push([a, monthStart(fullFrom)]);
  if (b !== null && fullTo !== null && b !== monthStart(fullTo)) partial.push([monthStart(fullTo), b]);
  return { full: { from: fullFrom, to: fullTo }, partial };
}

async function live(db: Db, v: Viewer, f: Filters, access: Expression<SqlBool>, from: string | null, to: string | null): Promise<Count[]> {
  const fq = filteredQuery(db, v, { ...f, from: undefined, to: undefined }, access);
  if (!fq) return [];
  let q = fq.q;
  if (from) q = q.where('c.received_at', '>=', from);
  if (to) q = q.where('c.received_at', '<', to);
  const rows = await q
    .select(['c.owning_unit_id', 'c.category', 'c.modus', sql<number>`count(*)`.as('n')])
    .groupBy(['c.owning_unit_id', 'c.category', 'c.modus'])
    .execute();
  return rows.map((r) => ({ unit: r.owning_unit_id, category: r.category, modus: r.modus, n: Number(r.n) }));
}

async function fromTally(db: Db, f: Filters, part: ReadablePart, months: { from: string | null; to: string | null }): Promise<Count[]> {
  let q = db.kysely.selectFrom('consultation_tally as t');
  if (part.kind === 'owned') {
    if (f.unitId && f.unitId !== part.unitId) return [];
    q = q.where('t.unit_id', '=', part.unitId);
  } else if (f.unitId) q = q.where('t.unit_id', '=', f.unitId);
  if (months.from) q = q.where('t.month', '>=', months.from);
  if (months.to) q = q.where('t.month', '<', months.to);
  if (f.category) q = q.where('t.category', '=', f.category);
  if (f.modus) q = q.where('t.modus', '=', f.modus);
  const rows = await q
    .select(['t.unit_id', 't.category', 't.modus', sql<number>`sum(t.n)`.as('n')])
    .groupBy(['t.unit_id', 't.category', 't.modus'])
    .execute();
  return rows.map((r) => ({ unit: r.unit_id, category: r.category, modus: r.modus, n: Number(r.n) }));
}

async function summarise(db: Db, counts: Count[]) {
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const byUnit = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const byModus = new Map<string, number>();
  for (const c of counts) {
    add(byUnit, c.unit, c.n);
    add(byCategory, c.category, c.n);
    add(byModus, c.modus, c.n);
  }
  const sorted = (m: Map<string, number>) => [...m].filter(([, n]) => n > 0).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const units = sorted(byUnit);
  const names = new Map(
    units.length === 0
      ? []
      : (
          await db.kysely
            .selectFrom('unit')
            .select(['id', 'name', 'name_en'])
            .where(
              'id',
              'in',
              units.map(([id]) => id),
            )
            .execute()
        ).map((u) => [u.id, u] as const),
  );
  return {
    total: units.reduce((s, [, n]) => s + n, 0),
    byUnit: units.map(([unitId, n]) => ({
      unitId,
      unitName: names.get(unitId)?.name ?? '',
      unitNameEn: names.get(unitId)?.name_en ?? '',
      n,
    })),
    byCategory: sorted(byCategory).map(([category, n]) => ({ category: category as ListQuery['category'] & string, n })),
    byModus: sorted(byModus).map(([modus, n]) => ({ modus, n })),
  };
}

/**
 * Publishing a register import makes its records count: the triggers skipped them while staged
 * (migration 0014). Called in the transaction that publishes the batch.
 */
export async function tallyBatch(tx: Tx, batchId: string): Promise<void> {
  const month = tx.dialect.engine === 'postgres' ? sql`to_char(received_at at time zone 'UTC', 'YYYY-MM')` : sql`substr(received_at, 1, 7)`;
  await sql`insert into consultation_tally (unit_id, month, category, modus, n)
    select owning_unit_id, ${month}, category, modus, count(*) from consultation where import_batch = ${batchId}
    group by owning_unit_id, ${month}, category, modus
    on conflict (unit_id, month, category, modus) do update set n = consultation_tally.n + excluded.n`.execute(tx.kysely);
}
