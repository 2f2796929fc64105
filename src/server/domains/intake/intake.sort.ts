import { type RawBuilder, sql } from 'kysely';
import { escalationState, intakeCategory, intakeStatus, type ListSortKey, type SortOrder } from '../../../contracts/intake.contracts.js';

/** Past every rank: a value outside its list (or none) sorts after the listed ones. */
const UNLISTED = 1_000_000;

/**
 * A controlled value's place in its list, so categories, statuses and escalation states sort in
 * the order the form offers them, not by their English keys. The keys come from the contract,
 * never from the request, so they are written as literals.
 */
function rank(column: string, keys: readonly string[]): RawBuilder<number> {
  const whens = keys.map((key, i) => sql`when ${sql.lit(key)} then ${sql.lit(i)}`);
  return sql<number>`case ${sql.ref(column)} ${sql.join(whens, sql` `)} else ${sql.lit(UNLISTED)} end`;
}

/**
 * What each sortable column orders by. One expression per key, selected as `sort_key` too, so
 * pages merged from several parts of need-to-know (see listConsultations) are ordered in the
 * process exactly as the database ordered each part. Blank amounts sort last either way.
 */
const sortExpressions: Record<ListSortKey, () => RawBuilder<string | number>> = {
  receivedAt: () => sql<string>`${sql.ref('c.received_at')}`,
  refNo: () => sql<string>`${sql.ref('c.ref_no')}`,
  category: () => rank('c.category', intakeCategory.keys),
  // 手口 is the cyber division's list, kept in its own order (modus.sort).
  modus: () => sql<number>`coalesce((select m.sort from modus m where m.code = ${sql.ref('c.modus')}), ${sql.lit(UNLISTED)})`,
  status: () => rank('c.status', intakeStatus.keys),
  escalation: () => rank('c.escalation', escalationState.keys),
  damageAmount: () => sql<number>`${sql.ref('c.damage_amount')}`,
};

export interface ListOrder {
  key: ListSortKey;
  order: SortOrder;
}

/** Newest received first: walked backwards on the (owning_unit_id, received_at) index. */
export const DEFAULT_ORDER: ListOrder = { key: 'receivedAt', order: 'desc' };

export const sortKeyOf = (o: ListOrder) => sortExpressions[o.key]();

/** Blanks last whichever way (SQLite puts NULL first ascending, PostgreSQL last). */
export const blanksLast = (o: ListOrder) => sql<number>`case when ${sortKeyOf(o)} is null then 1 else 0 end`;

/** The ORDER BY terms: the column, then seq (unique, in the same direction) so pages never overlap. */
export function orderTerms(o: ListOrder) {
  const dir = sql.raw(o.order);
  const terms = [sql`${sortKeyOf(o)} ${dir}`, sql`${sql.ref('c.seq')} ${dir}`];
  return o.key === 'damageAmount' ? [blanksLast(o), ...terms] : terms;
}

type Sortable = { sort_key: string | number | null; seq: number | string | bigint };

/** The same order in the process, for merging parts (text compared by code point, as SQLite and PostgreSQL's "C" do). */
export function compareRows(o: ListOrder): (a: Sortable, b: Sortable) => number {
  const sign = o.order === 'asc' ? 1 : -1;
  return (a, b) => {
    if (a.sort_key === null || b.sort_key === null) {
      if (a.sort_key !== b.sort_key) return a.sort_key === null ? 1 : -1;
    } else if (a.sort_key !== b.sort_key) {
      const x = typeof a.sort_key === 'string' ? a.sort_key : Number(a.sort_key);
      const y = typeof b.sort_key === 'string' ? b.sort_key : Number(b.sort_key);
      if (x !== y) return sign * (x < y ? -1 : 1);
    }
    return sign * (Number(a.seq) - Number(b.seq));
  };
}
