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
  /**
   * Spans earlier detectors already hold, sorted and disjoint. A later hit overlapping one is
   * dropped anyway, so a detector skips a candidate that starts inside one without reading it.
   */
  taken: [number, number][];
}

/** When `pos` lies inside a taken span, move the scanning pattern past it and say so. */
export function skipTaken(scan: Scan, re: RegExp, pos: number): boolean {
  const end = takenEnd(scan, pos);
  if (end < 0) return false;
  re.lastIndex = Math.max(re.lastIndex, end);
  return true;
}

/** The end of the taken span holding `pos`, or -1 when `pos` is free. */
function takenEnd(scan: Scan, pos: number): number {
  const t = scan.taken;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t[mid] as [number, number])[1] <= pos) lo = mid + 1;
    else hi = mid;
  }
  const span = t[lo];
  return span !== undefined && span[0] <= pos ? span[1] : -1;
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
