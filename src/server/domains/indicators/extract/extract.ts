import { extractBankAccounts } from './extract.bank.js';
import { extractCrypto, extractHashes } from './extract.crypto.js';
import { extractCves, extractSocial } from './extract.misc.js';
import { extractIpv4, extractIpv6 } from './extract.net.js';
import { foldForScan } from './extract.normalise.js';
import { extractPhones } from './extract.phone.js';
import { type Hit, NOTHING_TAKEN, type Scan, type Taken } from './extract.types.js';
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

export { MAX_EXTRACT_CHARS } from './extract.types.js';

/** Merge two sorted span lists in linear time (a per-hit insertion would be quadratic). */
function merge(a: Taken, b: Taken): Taken {
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const out: Taken = { starts: new Int32Array(n), ends: new Int32Array(n), n };
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    if (j >= b.n || (i < a.n && (a.starts[i] as number) <= (b.starts[j] as number))) {
      out.starts[k] = a.starts[i] as number;
      out.ends[k] = a.ends[i++] as number;
    } else {
      out.starts[k] = b.starts[j] as number;
      out.ends[k] = b.ends[j++] as number;
    }
  }
  return out;
}

const byStartThenLongest = (x: Hit, y: Hit) => x.start - y.start || y.end - x.end;

/** Detectors mostly report in text order already; a sorted array needs no sort (and sort is stable). */
function inOrder(hits: Hit[]): boolean {
  for (let i = 1; i < hits.length; i++) if (byStartThenLongest(hits[i - 1] as Hit, hits[i] as Hit) > 0) return false;
  return true;
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
  const scan: Scan = { text, folded: foldForScan(text), cache: new Map(), taken: NOTHING_TAKEN };
  const result: Hit[] = [];
  const withCandidates = opts.candidates === true;
  for (const detect of DETECTORS) {
    const taken = scan.taken;
    const found: Hit[] = [];
    detect(scan, found);
    if (found.length === 0) continue;
    if (!inOrder(found)) found.sort(byStartThenLongest);
    const spans: Taken = { starts: new Int32Array(found.length), ends: new Int32Array(found.length), n: 0 };
    let lastUrl: Hit | undefined;
    // Hits come in start order, so the first taken span ending after a hit's start only moves on.
    let t = 0;
    for (const h of found) {
      while (t < taken.n && (taken.ends[t] as number) <= h.start) t++;
      if (t < taken.n && (taken.starts[t] as number) < h.end) continue;
      // Candidates take part in the overlap rule (an account's digits are not also a phone) and
      // are returned only when asked for.
      if (withCandidates || h.status === undefined) result.push(h);
      if (h.type === 'url') lastUrl = h;
      // A URL's own host lies inside the URL: only the URL's span is reserved.
      const isHostOfUrl = lastUrl !== undefined && h !== lastUrl && h.start >= lastUrl.start && h.end <= lastUrl.end;
      if (!isHostOfUrl && !(spans.n > 0 && (spans.ends[spans.n - 1] as number) > h.start)) {
        spans.starts[spans.n] = h.start;
        spans.ends[spans.n++] = h.end;
      }
    }
    scan.taken = merge(taken, spans);
  }
  return result.sort((a, b) => a.start - b.start || a.end - b.end);
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
