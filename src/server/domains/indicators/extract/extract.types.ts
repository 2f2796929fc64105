import type { CandidateReason, CandidateStatus, ExtractionHit, IndicatorType } from '../../../../contracts/indicators.contracts.js';

export type Hit = ExtractionHit;
export type { IndicatorType };

/** The longest text extraction is meant for (10 M UTF-16 units, 20 MB). */
export const MAX_EXTRACT_CHARS = 10 * 1024 * 1024;

/**
 * Spans earlier detectors already hold, sorted and disjoint, as parallel arrays (`n` in use): a
 * list of [start, end] pairs would allocate a pair per hit and be copied once per detector.
 */
export interface Taken {
  starts: Int32Array;
  ends: Int32Array;
  n: number;
}

export const NOTHING_TAKEN: Taken = { starts: new Int32Array(0), ends: new Int32Array(0), n: 0 };

/**
 * What every detector receives: the original text and its width-folded copy (same offsets), and a
 * cache for this one text. Values repeat within a text (a mailbox quotes the same URL in every
 * reply, a log the same address on every line): each distinct one is validated once.
 */
export interface Scan {
  text: string;
  folded: string;
  cache: Map<string, Map<string, unknown>>;
  /**
   * Spans earlier detectors already hold. A later hit overlapping one is dropped anyway, so a
   * detector skips a candidate that starts inside one without reading it.
   */
  taken: Taken;
}

/** When `pos` lies inside a taken span, move the scanning pattern past it and say so. */
export function skipTaken(scan: Scan, re: { lastIndex: number }, pos: number): boolean {
  const end = takenEnd(scan.taken, pos);
  if (end < 0) return false;
  re.lastIndex = Math.max(re.lastIndex, end);
  return true;
}

/** The index of the first taken span that ends after `pos` (binary search: ends ascend too). */
export function firstEndingAfter(t: Taken, pos: number): number {
  let lo = 0;
  let hi = t.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t.ends[mid] as number) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The end of the taken span holding `pos`, or -1 when `pos` is free. */
function takenEnd(t: Taken, pos: number): number {
  const i = firstEndingAfter(t, pos);
  return i < t.n && (t.starts[i] as number) <= pos ? (t.ends[i] as number) : -1;
}

/**
 * The result of `compute` for `key`, computed once per text. One map per kind of value: the key
 * is then the value's own text (usually a slice of the text, hashed where it lies), not a new
 * string joining kind and value that every lookup would build and flatten.
 */
export function once<T>(scan: Scan, kind: string, key: string, compute: () => T): T {
  let byKey = scan.cache.get(kind);
  if (!byKey) {
    byKey = new Map();
    scan.cache.set(kind, byKey);
  }
  const known = byKey.get(key);
  if (known !== undefined || byKey.has(key)) return known as T;
  const v = compute();
  byKey.set(key, v);
  return v;
}

/**
 * Two literal shapes rather than a conditional spread: every hit then has one of two hidden
 * classes, and sorting and filtering tens of thousands of them stays fast. Key order is the
 * output's (JSON lines, API responses).
 */
export const hit = (
  type: IndicatorType,
  value: string,
  scan: Scan,
  start: number,
  end: number,
  defanged: boolean,
  attributes?: Record<string, string>,
): Hit =>
  attributes
    ? { type, value, raw: scan.text.slice(start, end), start, end, defanged, attributes }
    : { type, value, raw: scan.text.slice(start, end), start, end, defanged };

/** The same hit marked as a candidate for a person to confirm (see candidateStatuses). */
export const asCandidate = (h: Hit, status: CandidateStatus, reasons: CandidateReason[]): Hit => ({ ...h, status, reasons });
