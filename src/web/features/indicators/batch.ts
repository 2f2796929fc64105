import type { IndicatorType } from '../../../contracts/indicators.contracts.js';
import type { AnnotatedHit } from './api.js';
import { LOOKUP_BATCH_MAX, LOOKUP_VALUE_MAX } from './api.js';

export type ParsedLines =
  | { ok: true; values: string[]; duplicates: number }
  | { ok: false; error: 'empty' }
  | { ok: false; error: 'tooMany'; count: number }
  | { ok: false; error: 'tooLong'; line: number };

/** One value per line: trimmed, blank lines skipped, duplicates looked up once. */
export function parseLines(text: string): ParsedLines {
  const lines = text.split(/\r\n|\r|\n/);
  const values: string[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const [index, line] of lines.entries()) {
    const value = line.trim();
    if (!value) continue;
    if (value.length > LOOKUP_VALUE_MAX) return { ok: false, error: 'tooLong', line: index + 1 };
    if (seen.has(value)) {
      duplicates++;
      continue;
    }
    seen.add(value);
    values.push(value);
  }
  if (values.length === 0) return { ok: false, error: 'empty' };
  if (values.length > LOOKUP_BATCH_MAX) return { ok: false, error: 'tooMany', count: values.length };
  return { ok: true, values, duplicates };
}

/** Items for POST /api/indicators/lookup. */
export function toLookupItems(type: IndicatorType, values: readonly string[]): { type: IndicatorType; value: string }[] {
  return values.map((value) => ({ type, value }));
}

/** Hits of a pasted text, each indicator once (type and canonical value), in order of first appearance. */
export function uniqueHits(hits: readonly AnnotatedHit[]): AnnotatedHit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => {
    const key = `${hit.type}\u0000${hit.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
