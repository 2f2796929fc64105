import { hasJapanese, INVISIBLE, isInvisible, isWesternLetter, readHost } from './extract.deceptive.js';
import { canonicalIpv4, canonicalIpv6, DOT_SPACED, isDefanged, refang, toAsciiHost, validDomain } from './extract.host.js';
import { type Hit, hit, once, type Scan, skipTaken } from './extract.types.js';

/**
 * URLs, e-mail addresses and bare domain names. Regular expressions only find where a candidate
 * starts (or a maximal run of unambiguous characters); the rest is a hand-written forward scan,
 * so the work per character is bounded and no input makes it backtrack.
 */

const SCHEME = /(?<![A-Za-z0-9])(h(?:tt|xx|\*\*)ps?|f[tx]p)(:\/\/|\[:\]\/\/|\[:\/\/\])/gi;

const isAsciiLabel = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;
/** Letters of internationalised labels (日本語.jp): anything non-ASCII that is a letter. */
const IDN_LETTER = /[\p{L}\p{M}\p{N}]/u;
/** Characters that may continue a URL path. Non-ASCII ends a path: Japanese glued after a URL is prose. */
const PATH_CHAR = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) PATH_CHAR[c] = '<>"`{}|\\^[]'.includes(String.fromCharCode(c)) ? 0 : 1;
const isPathChar = (c: number) => c < 128 && PATH_CHAR[c] === 1;
/** Japanese punctuation that always ends a URL, even inside a query value. */
const CJK_STOP = /[、。，．「」『』（）【】〈〉《》〔〕！？：；・…\s]/u;

/** Compared unit by unit (no slice, no lower-casing copy): this runs at the end of every label. */
function defangedDotAt(s: string, i: number): number {
  const open = s.charCodeAt(i);
  const close = open === 0x5b /* [ */ ? 0x5d : open === 0x28 /* ( */ ? 0x29 : open === 0x7b /* { */ ? 0x7d : 0;
  if (close === 0) return 0;
  if (s.charCodeAt(i + 1) === 0x2e && s.charCodeAt(i + 2) === close) return 3;
  // [dot] and (dot) in any case; no {dot}.
  if (open === 0x7b || s.charCodeAt(i + 4) !== close) return 0;
  return (s.charCodeAt(i + 1) | 0x20) === 0x64 && (s.charCodeAt(i + 2) | 0x20) === 0x6f && (s.charCodeAt(i + 3) | 0x20) === 0x74 ? 5 : 0;
}

/** A letter of an alphabetic label: ASCII, or a Latin, Cyrillic or Greek letter mixed in to deceive. */
const isAlphaLabelAt = (s: string, j: number): boolean => isAsciiLabel(s.charCodeAt(j)) || isWesternLetter(s[j] as string);

/** An invisible character inside a label, or before the dot that ends it: part of the host, stripped later. */
function invisibleInHostAt(s: string, j: number): boolean {
  if (!isInvisible(s[j] as string)) return false;
  let k = j + 1;
  while (k < s.length && isInvisible(s[k] as string)) k++;
  return k < s.length && (isAlphaLabelAt(s, k) || (s[k] === '.' && isAlphaLabelAt(s, k + 1)));
}

/**
 * Scan a host from `i`; returns its end or -1. Labels are alphabetic (ASCII, with any Latin,
 * Cyrillic or Greek letters and invisible characters a deceiver mixed in) or all-IDN letters.
 */
function scanHost(s: string, i: number): number {
  let j = i;
  let labels = 0;
  for (;;) {
    const start = j;
    if (j < s.length && (isAlphaLabelAt(s, j) || invisibleInHostAt(s, j))) {
      while (j < s.length && (isAlphaLabelAt(s, j) || invisibleInHostAt(s, j))) j++;
    } else {
      while (j < s.length && s.charCodeAt(j) > 0x7f && IDN_LETTER.test(s[j] as string) && !CJK_STOP.test(s[j] as string)) j++;
    }
    if (j === start) return labels > 0 ? j : -1;
    labels++;
    if (s[j] === '.') {
      if (j + 1 < s.length && (isAsciiLabel(s.charCodeAt(j + 1)) || s.charCodeAt(j + 1) > 0x7f)) {
        j++;
        continue;
      }
      return j;
    }
    const d = defangedDotAt(s, j);
    if (d > 0) {
      j += d;
      continue;
    }
    return j;
  }
}

/** Markup that may wrap a URL and close right after it: **bold**, _italic_, AsciiDoc ++passthrough++. */
const WRAPPERS = '*_+~';

/**
 * Drop what follows a URL but is not part of it: sentence punctuation, an unbalanced ')', and the
 * closing half of markup that opened right before the URL (`opener`, e.g. "**" or "++"). A '*' or
 * '+' the URL holds itself (a wildcard path /dl/*) stays, because nothing opened before it.
 */
function trimTrailing(url: string, opener: string): string {
  // Count brackets once; each trimmed ')' then updates the balance in constant time.
  let open = 0;
  let close = 0;
  for (let i = 0; i < url.length; i++) {
    if (url[i] === '(') open++;
    else if (url[i] === ')') close++;
  }
  let end = url.length;
  let closing = opener.length;
  for (;;) {
    const last = url[end - 1];
    if (last && ".,;:!?'".includes(last)) end--;
    else if (closing > 0 && last === opener[0]) {
      end--;
      closing--;
    } else if (last === ')' && open < close) {
      end--;
      close--;
    } else return url.slice(0, end);
  }
}

/** The run of one markup character (at most three) written right before `start`. */
function openerBefore(s: string, start: number): string {
  const ch = s[start - 1];
  if (!ch || !WRAPPERS.includes(ch)) return '';
  let k = start - 1;
  while (k > 0 && start - k < 3 && s[k - 1] === ch) k--;
  return s.slice(k, start);
}

/** Scan the rest of a URL (port, path, query) from `i`; returns its end. */
function scanRest(s: string, i: number, idnHost: boolean): number {
  let j = i;
  let inQueryValue = false;
  // Whether the current query value already holds ASCII: "?id=123にアクセス" switches script
  // mid-value, and the Japanese is the sentence going on, not the value.
  let valueAscii = false;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 0x5b /* [ */ && defangedDotAt(s, j) > 0) {
      j += defangedDotAt(s, j); // login[.]php
    } else if (isPathChar(c)) {
      if (c === 0x3d /* = */) {
        inQueryValue = true;
        valueAscii = false;
      } else if (c === 0x26 /* & */) inQueryValue = false;
      else if (inQueryValue) valueAscii = true;
      j++;
    } else if (c > 0x7f && ((inQueryValue && !valueAscii) || idnHost) && !CJK_STOP.test(s[j] as string)) {
      // A Japanese search term in a query value (?q=詐欺), or a Japanese path under a Japanese
      // host (https://日本語.jp/お知らせ), belongs to the URL.
      j++;
    } else break;
  }
  return j;
}

const SCHEME_AHEAD = /^(?:h(?:tt|xx|\*\*)ps?|f[tx]p)(?::|\[:\])/i;

/**
 * A URL hard-wrapped by a mail client continues on the next line with no space. Join it when the
 * next line starts with URL characters, is not a URL of its own, and the break looks mechanical.
 */
function continuation(s: string, end: number, lineStart: number): number {
  if (s[end] !== '\n' && !(s[end] === '\r' && s[end + 1] === '\n')) return -1;
  const next = end + (s[end] === '\r' ? 2 : 1);
  const tail = s.slice(next, next + 8);
  if (!tail || SCHEME_AHEAD.test(tail) || /^www\./i.test(tail) || !isPathChar(s.charCodeAt(next))) return -1;
  const lastChar = s[end - 1] ?? '';
  const lineLen = end - lineStart;
  if (!('/?&=%-_.'.includes(lastChar) || lineLen >= 60)) return -1;
  const restEnd = scanRest(s, next, false);
  // The continuation must itself look like URL material, not a word of prose: URL punctuation,
  // or (after a long, mechanically wrapped line) a whole line of letters and digits such as a token tail.
  const piece = s.slice(next, restEnd);
  const wholeLine = restEnd >= s.length || s[restEnd] === '\n' || s[restEnd] === '\r';
  if (/[/?=&%]/.test(piece)) return restEnd;
  if (wholeLine && lineLen >= 50 && /^[A-Za-z0-9._~%+-]+$/.test(piece) && (/[\d._]/.test(piece) || piece.length >= 12)) return restEnd;
  return -1;
}

export function extractUrls(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  SCHEME.lastIndex = 0;
  for (let m = SCHEME.exec(s); m; m = SCHEME.exec(s)) {
    const start = m.index;
    const hostStart = start + m[0].length;
    const hostEnd = s[hostStart] === '[' ? s.indexOf(']', hostStart) + 1 : scanHost(s, hostStart);
    if (hostEnd <= hostStart || hostEnd - hostStart > 260) continue;
    // Only a Japanese host has a Japanese path; a Latin host with a Cyrillic letter ends at Japanese prose.
    const idnHost = hasJapanese(s.slice(hostStart, hostEnd));
    let end = scanRest(s, hostEnd, idnHost);
    const pieces = [s.slice(start, end)];
    // Only "is this line long?" matters, so look back a bounded distance (an unbounded search is quadratic).
    const back = s.slice(Math.max(0, start - 120), start).lastIndexOf('\n');
    const lineStart = back < 0 ? Math.max(0, start - 120) : Math.max(0, start - 120) + back + 1;
    for (let k = 0, c = continuation(s, end, lineStart); c > 0 && k < 5; k++) {
      const nl = s[end] === '\r' ? 2 : 1;
      pieces.push(s.slice(end + nl, c));
      const nextLineStart = end + nl;
      end = c;
      c = continuation(s, end, nextLineStart);
    }
    // Whatever this candidate turns out to be, the scan resumes after it: no text is scanned twice.
    SCHEME.lastIndex = Math.max(SCHEME.lastIndex, end);
    const all = pieces.join('');
    const joined = trimTrailing(all, openerBefore(s, start));
    end -= all.length - joined.length;
    if (joined.length > 8192) continue;
    const host = s.slice(hostStart, hostEnd);
    const reading = once(scan, 'host', host, () => readHost(host));
    const canonical = once(scan, 'url', joined, () => canonicalUrl(joined.replace(INVISIBLE, '')));
    if (!canonical) continue;
    const defanged = isDefanged(joined.slice(0, hostEnd - start + 8));
    out.push(hit('url', canonical.url, scan, start, end, defanged, reading.attributes));
    const hostType = canonical.hostType;
    const hs = s[hostStart] === '[' ? hostStart + 1 : hostStart;
    const he = s[hostStart] === '[' ? hostEnd - 1 : hostEnd;
    out.push(hit(hostType, canonical.host, scan, hs, Math.min(he, end), defanged, reading.attributes));
  }
}

function canonicalUrl(raw: string): { url: string; host: string; hostType: 'domain' | 'ipv4' | 'ipv6' } | null {
  let u: URL;
  try {
    u = new URL(refang(raw));
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'ftp:'].includes(u.protocol)) return null;
  u.hash = '';
  const h = u.hostname;
  if (h.startsWith('[')) {
    const v6 = canonicalIpv6(h.slice(1, -1));
    return v6 ? { url: u.href, host: v6, hostType: 'ipv6' } : null;
  }
  if (/^[\d.]+$/.test(h)) {
    const v4 = canonicalIpv4(h);
    return v4 ? { url: u.href, host: v4, hostType: 'ipv4' } : null;
  }
  const d = validDomain(h, { strict: false });
  return d ? { url: u.href, host: d, hostType: 'domain' } : null;
}

/**
 * E-mail addresses, found from their '@' (or a defanged spelling of it), which is rare in text:
 * a pattern starting at every word would try every word of the text as a local part.
 */
const AT = /@|\[at\]|\(at\)|\[@\]|\(@\)/gi;
/**
 * Labels joined by dots (plain or defanged), bounded as DNS allows (63-character labels, at most
 * 127 of them): an unbounded group over a megabyte of "1.1.1.…" costs more than linear time.
 */
const HOST_RUN = `[A-Za-z0-9-]{1,63}(?:${DOT_SPACED}[A-Za-z0-9-]{1,63}){1,126}`;
const EMAIL_DOMAIN = new RegExp(HOST_RUN, 'iy');
const isLocalChar = (c: number) =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  c === 0x2e ||
  c === 0x5f ||
  c === 0x25 ||
  c === 0x2b ||
  c === 0x2d;
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

export function extractEmails(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  AT.lastIndex = 0;
  // test, not exec: no match array for each of thousands of '@'; the match is read off its end.
  while (AT.test(s)) {
    const atEnd = AT.lastIndex;
    const atLength = s[atEnd - 1] === '@' ? 1 : s[atEnd - 2] === '@' ? 3 : 4;
    const atStart = atEnd - atLength;
    if (skipTaken(scan, AT, atStart)) continue;
    // "name [at] example [dot] com": a spelled-out at may have a space on either side.
    const spelled = atLength === 4;
    const q = spelled && isSpace(s[atStart - 1]) ? atStart - 1 : atStart;
    let from = q;
    while (from > 0 && isLocalChar(s.charCodeAt(from - 1)) && q - from <= 64) from--;
    if (from === q || q - from > 64) continue;
    let r = atEnd;
    if (spelled && isSpace(s[r])) r++;
    EMAIL_DOMAIN.lastIndex = r;
    const dm = EMAIL_DOMAIN.exec(s);
    if (!dm) continue;
    const end = r + dm[0].length;
    AT.lastIndex = end;
    const raw = s.slice(from, end);
    const value = once(scan, 'email', raw, () => canonicalEmail(raw));
    if (value) out.push(hit('email', value, scan, from, end, isDefanged(raw)));
  }
}

function canonicalEmail(raw: string): string | null {
  const refanged = refang(raw).replace(/\s/g, '');
  const at = refanged.lastIndexOf('@');
  const local = refanged.slice(0, at);
  if (!local || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  const domain = validDomain(refanged.slice(at + 1), { strict: false });
  return domain ? `${local}@${domain}`.toLowerCase() : null;
}

/** A maximal run of label characters joined by dots (plain or defanged); JS decides what it is. */
// A run next to a Latin-extended, Cyrillic or Greek letter or an invisible character is part of a
// host written to deceive (gоogle.com): the ASCII tail alone ("gle.com") is no hit; extractDeceptive
// takes the whole host.
const NOT_ASCII_HOST = String.raw`\u00AD\u00C0-\u024F\u0300-\u036F\u0370-\u052F\u1E00-\u1EFF\u200B-\u200D\u2060\uFEFF`;
// Found from its first dot (plain or defanged): a pattern starting at every word would try every
// word of the text as a first label. The run is then read from its start with a sticky pattern.
// A plain dot counts only before a label character: the full stops ending English sentences lead
// nowhere (no host continues after them, nor a Japanese name's TLD), so they are not even visited.
const DOT_ANCHOR = /\.(?=[A-Za-z0-9-])|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi;
const DOMAIN_RUN = new RegExp(`${HOST_RUN}(?![A-Za-z0-9-])`, 'iy');
/** What may not come right before a host's first label: more of a word, a path, an address. */
const NOT_BEFORE_HOST = /[A-Za-z0-9_@.\-/\\]/;
const isLabelChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d;
// Checked on each match rather than inside DOMAIN_RUN's lookarounds, which run at every position.
const NEXT_TO_DECEPTIVE = new RegExp(`[${NOT_ASCII_HOST}]`);

/**
 * A Japanese domain name written on its own, set off by brackets or spaces: 「楽天カード.com」.
 * Anchored on the rare "non-ASCII letter, dot, ASCII TLD" and walked back by hand: a regex
 * starting at every Japanese character would dominate the time spent on Japanese prose.
 */
const IDN_TLD = /\.([a-z]{2,24})(?![A-Za-z0-9-])/y;
const IDN_OPEN = /[\s「『（(【"'：:]/;
const IDN_CHAR = /[\p{L}\p{N}ー・-]/u;

/** The Japanese domain name whose TLD starts at the dot `dot` (after a non-ASCII letter), if any. */
function idnDomainAt(scan: Scan, dot: number, out: Hit[]): void {
  const s = scan.folded;
  IDN_TLD.lastIndex = dot;
  const m = IDN_TLD.exec(s);
  if (!m) return;
  let from = dot;
  while (from > 0 && dot - from < 63 && IDN_CHAR.test(s[from - 1] as string)) from--;
  if (from === dot || (from > 0 && !IDN_OPEN.test(s[from - 1] as string))) return;
  const raw = s.slice(from, dot + m[0].length);
  // A name without Japanese letters is Latin, Cyrillic or Greek: extractDeceptiveDomains reads it.
  if (!hasJapanese(raw)) return;
  const reading = readHost(raw);
  const ascii = toAsciiHost(reading.host);
  const d = ascii ? validDomain(ascii, { strict: true }) : null;
  if (d) out.push(hit('domain', d, scan, from, from + raw.length, false, reading.attributes));
}

/** Where a deceptive host may be: rare in Japanese and English text, so this anchor costs little. */
const DECEPTIVE_CHAR = new RegExp(`[${NOT_ASCII_HOST}]`, 'g');
const isHostCharAt = (s: string, i: number): boolean =>
  isAsciiLabel(s.charCodeAt(i)) || s[i] === '.' || isWesternLetter(s[i] as string) || isInvisible(s[i] as string);

/** The domain a deceptive host reads as, and what deceives in it; null when it is none. */
function deceptiveDomain(raw: string): { domain: string; attributes: Record<string, string> | undefined } | null {
  const reading = readHost(raw);
  const ascii = toAsciiHost(reading.host);
  const d = ascii ? validDomain(ascii, { strict: !reading.attributes }) : null;
  return d && !/^[\d.]+$/.test(d) ? { domain: d, attributes: reading.attributes } : null;
}

/**
 * Hosts with Latin-extended, Cyrillic or Greek letters or invisible characters among ASCII ones,
 * taken whole (bounded to a DNS name's length each way), in punycode, with what deceives flagged.
 */
export function extractDeceptiveDomains(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  DECEPTIVE_CHAR.lastIndex = 0;
  for (let m = DECEPTIVE_CHAR.exec(s); m; m = DECEPTIVE_CHAR.exec(s)) {
    let from = m.index;
    let to = m.index + 1;
    while (from > 0 && m.index - from < 253 && isHostCharAt(s, from - 1)) from--;
    while (to < s.length && to - m.index < 253 && isHostCharAt(s, to)) to++;
    DECEPTIVE_CHAR.lastIndex = to;
    // Dots, hyphens and invisible characters at either end belong to the prose around the host.
    while (from < to && (s[from] === '.' || s[from] === '-' || isInvisible(s[from] as string))) from++;
    while (to > from && (s[to - 1] === '.' || s[to - 1] === '-' || isInvisible(s[to - 1] as string))) to--;
    if (from > 0 && (s[from - 1] === '@' || s[from - 1] === '/')) continue;
    const raw = s.slice(from, to);
    if (!raw.includes('.')) continue;
    const found = once(scan, 'deceptive', raw, () => deceptiveDomain(raw));
    if (found) out.push(hit('domain', found.domain, scan, from, to, false, found.attributes));
  }
}

function canonicalDomain(raw: string): string | null {
  const host = refang(raw);
  if (/^[\d.]+$/.test(host)) return null;
  const d = validDomain(host, { strict: !isDefanged(raw), raw });
  return d ? toAsciiHost(d) : null;
}

/** The start of the host run whose first dot is at `dot`, or -1 when no host can start there. */
function runStartBefore(s: string, dot: number, dotLength: number): number {
  // "relay2 (dot) mail-relay": a spelled-out dot may have a space before it.
  const q = dotLength === 5 && s[dot - 1] === ' ' ? dot - 1 : dot;
  let b = q;
  while (b > 0 && isLabelChar(s.charCodeAt(b - 1))) {
    b--;
    if (q - b > 63) return -1;
  }
  if (b === q || (b > 0 && NOT_BEFORE_HOST.test(s[b - 1] as string))) return -1;
  return b;
}

export function extractDomains(scan: Scan, out: Hit[]): void {
  extractDeceptiveDomains(scan, out);
  const s = scan.folded;
  DOT_ANCHOR.lastIndex = 0;
  // test, not exec: no match array for each of tens of thousands of dots; the match is read off its end.
  while (DOT_ANCHOR.test(s)) {
    const dotEnd = DOT_ANCHOR.lastIndex;
    const last = s[dotEnd - 1];
    const dotLength = last === '.' ? 1 : last === '}' || s[dotEnd - 2] === '.' ? 3 : 5;
    const dot = dotEnd - dotLength;
    if (skipTaken(scan, DOT_ANCHOR, dot)) continue;
    if (dotLength === 1 && dot > 0 && s.charCodeAt(dot - 1) > 0x7f) {
      idnDomainAt(scan, dot, out);
      continue;
    }
    const start = runStartBefore(s, dot, dotLength);
    if (start < 0) continue;
    DOMAIN_RUN.lastIndex = start;
    const m = DOMAIN_RUN.exec(s);
    if (!m) continue;
    // Whatever the run turns out to be, its later dots start no other run.
    DOT_ANCHOR.lastIndex = Math.max(DOT_ANCHOR.lastIndex, start + m[0].length);
    let raw = m[0];
    const after = s[start + raw.length];
    // Followed by '@' it is the local part of an address; by a digit-dot it is a version.
    if (after === '@' || after === '_') continue;
    if (NEXT_TO_DECEPTIVE.test(s[start - 1] ?? '') || NEXT_TO_DECEPTIVE.test(after ?? '')) continue;
    raw = raw.replace(/-+$/, '');
    const value = once(scan, 'domain', raw, () => canonicalDomain(raw));
    if (value) out.push(hit('domain', value, scan, start, start + raw.length, isDefanged(raw)));
  }
}
