import { extractBankAccounts } from './extract.bank.js';
import { extractCrypto, extractHashes } from './extract.crypto.js';
import { extractCves, extractSocial } from './extract.misc.js';
import { extractIpv4, extractIpv6 } from './extract.net.js';
import { foldForScan } from './extract.normalise.js';
import { extractPhones } from './extract.phone.js';
import type { Hit, Scan } from './extract.types.js';
import { extractDomains, extractEmails, extractUrls } from './extract.url.js';

/**
 * Find every indicator in a text. Detectors run in priority order; a later detector's hit that
 * overlaps an earlier one's span is dropped (a domain inside a URL, digits inside an account), except
 * hits a detector reports inside its own span on purpose (a URL's host).
 */
const DETECTORS: ((scan: Scan, out: Hit[]) => void)[] = [
  extractUrls,
  extractEmails,
  extractCrypto,
  extractHashes,
  extractCves,
  extractIpv6,
  extractIpv4,
  extractBankAccounts,
  extractDomains,
  extractPhones,
  extractSocial,
];

export const MAX_EXTRACT_CHARS = 10 * 1024 * 1024;

type Span = [number, number];

/** `taken` is sorted and non-overlapping: binary search the first span that ends after `start`. */
function overlaps(taken: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((taken[mid] as Span)[1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const next = taken[lo];
  return next !== undefined && next[0] < end;
}

/** Merge two sorted span lists in linear time (a per-hit insertion would be quadratic). */
function merge(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as Span)[0] <= (b[j] as Span)[0])) out.push(a[i++] as Span);
    else out.push(b[j++] as Span);
  }
  return out;
}

export interface ExtractOptions {
  /**
   * Also return candidates (hits with a status: an account whose branch does not resolve, a number
   * failing its check digit) for a person to confirm. Off by default: what is stored and correlated
   * is only what is certain.
   */
  candidates?: boolean;
}

export function extract(text: string, opts: ExtractOptions = {}): Hit[] {
  const scan: Scan = { text, folded: foldForScan(text), cache: new Map(), taken: [] };
  let taken: Span[] = [];
  const result: Hit[] = [];
  for (const detect of DETECTORS) {
    scan.taken = taken;
    const found: Hit[] = [];
    detect(scan, found);
    found.sort((x, y) => x.start - y.start || y.end - x.end);
    const spans: Span[] = [];
    let lastUrl: Hit | undefined;
    for (const h of found) {
      if (overlaps(taken, h.start, h.end)) continue;
      result.push(h);
      if (h.type === 'url') lastUrl = h;
      // A URL's own host lies inside the URL: only the URL's span is reserved.
      const isHostOfUrl = lastUrl !== undefined && h !== lastUrl && h.start >= lastUrl.start && h.end <= lastUrl.end;
      const prev = spans[spans.length - 1];
      if (!isHostOfUrl && !(prev && prev[1] > h.start)) spans.push([h.start, h.end]);
    }
    taken = merge(taken, spans);
  }
  // Candidates take part in the overlap rule above (an account's digits are not also a phone)
  // and are dropped only now, unless asked for.
  const out = opts.candidates ? result : result.filter((h) => h.status === undefined);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Distinct (type, value) pairs, for correlation and the benchmark. */
export function distinctValues(hits: Hit[]): { type: Hit['type']; value: string }[] {
  const seen = new Set<string>();
  const out: { type: Hit['type']; value: string }[] = [];
  for (const h of hits) {
    const k = `${h.type}\u0000${h.value}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ type: h.type, value: h.value });
    }
  }
  return out;
}
