import { type AliasedRawBuilder, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../db/db.dialect.js';
import type { Database } from '../db/db.schema.js';
import type { Conn, Tx } from '../db/db.tx.js';
import { bigramTokens, parseQuery, type SearchTerm } from './search.bigram.js';

/**
 * One search index per searchable table, keyed by the table's integer `seq`: an FTS5 table
 * `<name>_fts` on SQLite, a `<name>_search` table with a GIN-indexed tsvector on PostgreSQL.
 * Tokens are made here (search.bigram.ts), never by the engine's parser, so both engines index
 * exactly the same thing whatever their locale.
 */
export interface SearchIndex {
  name: string;
}

// tsvector positions stop at 16,383; later tokens share the last position.
const PG_MAX_POS = 16_383;

/**
 * PostgreSQL: every row also carries the token of its key's bucket (`seqw<key / 10,000>`), so a
 * search window is narrowed inside the GIN index. Without it a phrase search rechecks every match
 * in the whole table against the heap and then throws away those outside the window (measured at
 * 1M records: 10,159 heap rechecks for 424 rows in a station's window). Migration 0006 added the
 * token to rows indexed before it; the bucket size must not change without re-indexing.
 */
export const PG_BUCKET = 10_000;
const MAX_WINDOW_BUCKETS = 40;
export const bucketTag = (key: number) => `seqw${Math.floor(key / PG_BUCKET)}`;
const pgTokens = (seq: number, text: string, tags: string[]) => [...bigramTokens(text), ...tags, bucketTag(seq)];

function pgQuote(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function pgVector(tokens: string[]): string {
  return tokens.map((t, i) => `${pgQuote(t)}:${Math.min(i + 1, PG_MAX_POS)}`).join(' ');
}

function pgQuery(terms: SearchTerm[], tags: string[] | null): string {
  const access = tags ? ` & (${tags.map(pgQuote).join(' | ')})` : '';
  return `${terms
    .map((t) => `(${t.tokens.map((tok, i) => (t.prefix && i === t.tokens.length - 1 ? `${pgQuote(tok)}:*` : pgQuote(tok))).join(' <-> ')})`)
    .join(' & ')}${access}`;
}

function ftsQuery(terms: SearchTerm[], tags: string[] | null): string {
  // Tokens and tags hold only letters, digits and kana/kanji, so quoting cannot be broken out of.
  const q = terms.map((t) => `"${t.tokens.join(' ')}"${t.prefix ? '*' : ''}`).join(' AND ');
  return tags ? `${q} AND (${tags.map((t) => `"${t}"`).join(' OR ')})` : q;
}

/** Replace the indexed text (and access tags) of one row, in the caller's transaction. */
export async function indexText(tx: Tx, idx: SearchIndex, seq: number, text: string, tags: string[] = []): Promise<void> {
  const trx = tx.kysely;
  if (tx.dialect.fullText === 'fts5') {
    const t = sql.table(`${idx.name}_fts`);
    await sql`delete from ${t} where rowid = ${seq}`.execute(trx);
    await sql`insert into ${t}(rowid, doc) values (${seq}, ${[...bigramTokens(text), ...tags].join(' ')})`.execute(trx);
  } else {
    const t = sql.table(`${idx.name}_search`);
    await sql`insert into ${t}(seq, doc) values (${seq}, ${pgVector(pgTokens(seq, text, tags))}::tsvector)
      on conflict (seq) do update set doc = excluded.doc`.execute(trx);
  }
}

/** Index many new rows at once (imports, benchmarks); rows must not be indexed yet. */
export async function indexMany(tx: Tx, idx: SearchIndex, docs: { seq: number; text: string; tags?: string[] }[]): Promise<void> {
  const trx = tx.kysely;
  for (let k = 0; k < docs.length; k += 500) {
    const part = docs.slice(k, k + 500);
    if (tx.dialect.fullText === 'fts5') {
      const values = part.map((x) => sql`(${x.seq}, ${[...bigramTokens(x.text), ...(x.tags ?? [])].join(' ')})`);
      await sql`insert into ${sql.table(`${idx.name}_fts`)}(rowid, doc) values ${sql.join(values)}`.execute(trx);
    } else {
      const values = part.map((x) => sql`(${x.seq}, ${pgVector(pgTokens(x.seq, x.text, x.tags ?? []))}::tsvector)`);
      await sql`insert into ${sql.table(`${idx.name}_search`)}(seq, doc) values ${sql.join(values)}`.execute(trx);
    }
  }
}

export async function unindex(tx: Tx, idx: SearchIndex, seq: number): Promise<void> {
  if (tx.dialect.fullText === 'fts5') await sql`delete from ${sql.table(`${idx.name}_fts`)} where rowid = ${seq}`.execute(tx.kysely);
  else await sql`delete from ${sql.table(`${idx.name}_search`)} where seq = ${seq}`.execute(tx.kysely);
}

/**
 * The search index as the driving table of a query: join the searched table on `key`, filter on
 * `where`, and order by `key` descending. Both engines then walk matches newest first and stop
 * at the page size, instead of collecting every match of a common word and sorting it.
 * `tags` (from core/access `viewerTags`) narrows the walk to what the reader may read; null for
 * prefecture-wide readers. Null when the query has no searchable token (nothing can match).
 */
export interface SearchDriver {
  table: AliasedRawBuilder<unknown, string>;
  key: RawBuilder<number>;
  where: RawBuilder<SqlBool>;
  /** Keys in [lo, hi): on PostgreSQL also narrowed in the index by bucket, when the window is small. */
  window(lo: number, hi: number): RawBuilder<SqlBool>;
}

export function searchDriver(d: Dialect, idx: SearchIndex, q: string, tags: string[] | null): SearchDriver | null {
  const terms = parseQuery(q);
  if (terms.length === 0 || tags?.length === 0) return null;
  if (d.fullText === 'fts5') {
    // FTS5 needs the table's own name on the left of MATCH, so the alias is the table name.
    const name = `${idx.name}_fts`;
    const key = sql<number>`${sql.ref(`${name}.rowid`)}`;
    return {
      table: sql`${sql.table(name)}`.as(name),
      key,
      where: sql<SqlBool>`${sql.table(name)} match ${ftsQuery(terms, tags)}`,
      window: (lo, hi) => sql<SqlBool>`${key} >= ${lo} and ${key} < ${hi}`,
    };
  }
  return {
    table: sql`${sql.table(`${idx.name}_search`)}`.as('s'),
    key: sql<number>`s.seq`,
    where: sql<SqlBool>`s.doc @@ ${pgQuery(terms, tags)}::tsquery`,
    window(lo, hi) {
      const range = sql<SqlBool>`s.seq >= ${lo} and s.seq < ${hi}`;
      const first = Math.floor(Math.max(0, lo) / PG_BUCKET);
      const last = Math.floor(Math.max(0, hi - 1) / PG_BUCKET);
      if (hi <= lo || last - first + 1 > MAX_WINDOW_BUCKETS) return range;
      const buckets = Array.from({ length: last - first + 1 }, (_, i) => pgQuote(`seqw${first + i}`)).join(' | ');
      return sql<SqlBool>`${range} and s.doc @@ ${buckets}::tsquery`;
    },
  };
}

/**
 * Walk search results newest first: first the newest `FIRST_WINDOW` keys, then the rest.
 * PostgreSQL's planner cannot tell a common phrase (every bigram frequent: walking the key
 * backwards finds a page at once) from a rare one (only the GIN index finds it fast), and
 * guesses wrong both ways for phrases. So the newest window is walked by key with bitmap scans
 * off, and a search that has not filled its page there is rare: the rest goes to the GIN index
 * with plain index scans off. Counting stays inside the windows walked: when the walk stopped
 * early, `complete` is false and `counted` a lower bound ("80件以上"). SQLite's FTS5 walks its
 * doclists in key order already: one window, complete.
 */
export interface Windowed<R> {
  rows: R[];
  counted: number;
  complete: boolean;
}

const FIRST_WINDOW = 5_000;

export async function searchInWindows<R>(
  conn: Conn,
  maxKey: number,
  need: number,
  countTo: number,
  fetch: (q: Kysely<Database>, lo: number, hi: number, limit: number) => Promise<R[]>,
  count: (q: Kysely<Database>, lo: number, hi: number, limit: number) => Promise<number>,
  /**
   * For a reader who sees only their unit's records (and shares): where the first window starts
   * so that it holds about `FIRST_WINDOW` of their own records. The access tags make the GIN
   * index selective there, so that window is searched through the index instead of walked.
   */
  narrowedFrom?: () => Promise<number>,
): Promise<Windowed<R>> {
  const db = conn.kysely;
  const end = maxKey + 1;
  // A window that gave fewer rows than asked for has been read whole: its count is known.
  const countIn = async (q: Kysely<Database>, lo: number, hi: number, got: number, asked: number, limit: number) =>
    got < asked ? Math.min(got, limit) : count(q, lo, hi, limit);
  if (conn.dialect.fullText === 'fts5') {
    const rows = await fetch(db, 0, end, need);
    return { rows, counted: await countIn(db, 0, end, rows.length, need, countTo), complete: true };
  }
  const lo = narrowedFrom ? await narrowedFrom() : Math.max(0, end - FIRST_WINDOW);
  // Parallel workers cost more to start (tens of ms on a small server) than these scans take.
  const serial = (trx: Kysely<Database>) => sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
  const first = await db.transaction().execute(async (trx) => {
    await serial(trx);
    if (!narrowedFrom) await sql`set local enable_bitmapscan = off`.execute(trx);
    const rows = await fetch(trx, lo, end, need);
    return { rows, counted: await countIn(trx, lo, end, rows.length, need, countTo) };
  });
  if (first.rows.length >= need || lo === 0) return { ...first, complete: lo === 0 || first.counted >= countTo };
  return db.transaction().execute(async (trx) => {
    // Neither walk the rest by key nor scan whole tables: the GIN bitmap, and index-only or
    // bitmap lookups for the join.
    await serial(trx);
    await sql`set local enable_indexscan = off`.execute(trx);
    await sql`set local enable_seqscan = off`.execute(trx);
    const more = await fetch(trx, 0, lo, need - first.rows.length);
    const rest = first.counted >= countTo ? 0 : await countIn(trx, 0, lo, more.length, need - first.rows.length, countTo - first.counted);
    const rows = [...first.rows, ...more];
    const counted = first.counted + rest;
    return { rows, counted, complete: true };
  });
}
