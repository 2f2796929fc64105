import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../db/db.dialect.js';
import type { Database } from '../db/db.schema.js';
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

function pgQuote(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function pgVector(tokens: string[]): string {
  return tokens.map((t, i) => `${pgQuote(t)}:${Math.min(i + 1, PG_MAX_POS)}`).join(' ');
}

function pgQuery(terms: SearchTerm[]): string {
  return terms
    .map((t) => `(${t.tokens.map((tok, i) => (t.prefix && i === t.tokens.length - 1 ? `${pgQuote(tok)}:*` : pgQuote(tok))).join(' <-> ')})`)
    .join(' & ');
}

function ftsQuery(terms: SearchTerm[]): string {
  // Tokens hold only letters, digits and kana/kanji, so quoting cannot be broken out of.
  return terms.map((t) => `"${t.tokens.join(' ')}"${t.prefix ? '*' : ''}`).join(' AND ');
}

/** Replace the indexed text of one row, in the caller's transaction. */
export async function indexText(trx: Kysely<Database>, d: Dialect, idx: SearchIndex, seq: number, text: string): Promise<void> {
  const tokens = bigramTokens(text);
  if (d.engine === 'sqlite') {
    const t = sql.table(`${idx.name}_fts`);
    await sql`delete from ${t} where rowid = ${seq}`.execute(trx);
    await sql`insert into ${t}(rowid, doc) values (${seq}, ${tokens.join(' ')})`.execute(trx);
  } else {
    const t = sql.table(`${idx.name}_search`);
    await sql`insert into ${t}(seq, doc) values (${seq}, ${pgVector(tokens)}::tsvector)
      on conflict (seq) do update set doc = excluded.doc`.execute(trx);
  }
}

export async function unindex(trx: Kysely<Database>, d: Dialect, idx: SearchIndex, seq: number): Promise<void> {
  if (d.engine === 'sqlite') await sql`delete from ${sql.table(`${idx.name}_fts`)} where rowid = ${seq}`.execute(trx);
  else await sql`delete from ${sql.table(`${idx.name}_search`)} where seq = ${seq}`.execute(trx);
}

/**
 * A predicate "this row's seq matches the query", for the caller's WHERE clause, or null when
 * the query has no searchable token (then the caller should answer with nothing found).
 */
export function matches(d: Dialect, idx: SearchIndex, seqColumn: string, q: string): Expression<SqlBool> | null {
  const terms = parseQuery(q);
  if (terms.length === 0) return null;
  if (d.engine === 'sqlite') {
    return sql<SqlBool>`${sql.ref(seqColumn)} in (select rowid from ${sql.table(`${idx.name}_fts`)} where ${sql.table(`${idx.name}_fts`)} match ${ftsQuery(terms)})`;
  }
  return sql<SqlBool>`exists (select 1 from ${sql.table(`${idx.name}_search`)} s where s.seq = ${sql.ref(seqColumn)} and s.doc @@ ${pgQuery(terms)}::tsquery)`;
}
