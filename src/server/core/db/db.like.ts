import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * `column LIKE '%text%'` with the text taken literally: `%`, `_` and `\` in what a person typed
 * are escaped, and the escape character is named (SQLite has no default one). Both engines.
 */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
