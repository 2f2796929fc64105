import type { z } from 'zod';

/**
 * Column values to and from what the code works with, in one place. Both engines hand JSON back
 * as text (db.open.ts makes PostgreSQL do so) and flags as integers 0/1 (SQLite has no boolean).
 */

/** A 0/1 flag column as a boolean. */
export const flag = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;

/** A boolean for a 0/1 flag column. */
export const toFlag = (b: boolean | null | undefined): 0 | 1 => (b ? 1 : 0);

/** A JSON column, checked against its schema when one is given (data written by an older build). */
export function json<T>(text: string, schema?: z.ZodType<T>): T {
  const v: unknown = JSON.parse(text);
  return schema ? schema.parse(v) : (v as T);
}

/** A nullable JSON column: null stays null. */
export function jsonOrNull<T>(text: string | null | undefined, schema?: z.ZodType<T>): T | null {
  return text === null || text === undefined || text === '' ? null : json(text, schema);
}

/** A value for a JSON column. */
export const toJson = (v: unknown): string => JSON.stringify(v);
