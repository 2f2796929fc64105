import type { CandidateReason, CandidateStatus, ExtractionHit, IndicatorType } from '../../../../contracts/indicators.contracts.js';

export type Hit = ExtractionHit;
export type { IndicatorType };

/**
 * What every detector receives: the original text and its width-folded copy (same offsets), and a
 * cache for this one text. Values repeat within a text (a mailbox quotes the same URL in every
 * reply, a log the same address on every line): each distinct one is validated once.
 */
export interface Scan {
  text: string;
  folded: string;
  cache: Map<string, unknown>;
}

/** The result of `compute` for `key`, computed once per text. */
export function once<T>(scan: Scan, key: string, compute: () => T): T {
  if (scan.cache.has(key)) return scan.cache.get(key) as T;
  const v = compute();
  scan.cache.set(key, v);
  return v;
}

export const hit = (
  type: IndicatorType,
  value: string,
  scan: Scan,
  start: number,
  end: number,
  defanged: boolean,
  attributes?: Record<string, string>,
): Hit => ({
  type,
  value,
  raw: scan.text.slice(start, end),
  start,
  end,
  defanged,
  ...(attributes ? { attributes } : {}),
});

/** The same hit marked as a candidate for a person to confirm (see candidateStatuses). */
export const asCandidate = (h: Hit, status: CandidateStatus, reasons: CandidateReason[]): Hit => ({ ...h, status, reasons });
