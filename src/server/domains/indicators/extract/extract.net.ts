import { canonicalCidr, canonicalIpv4, canonicalIpv6, DOT, isDefanged, refang } from './extract.host.js';
import { asCandidate, type Hit, hit, once, type Scan, skipTaken } from './extract.types.js';

/** IPv4 with optional /prefix; defanged dots allowed. Boundaries keep it off longer dotted numbers. */
const IPV4 = new RegExp(String.raw`(?<![\w.\-/])\d{1,3}(?:${DOT}\d{1,3}){3}(?:/\d{1,2})?(?![\w\-]|\.\d|\[\.\]\d)`, 'gi');

/** Words before a dotted number that make it a version, not an address. */
const VERSION_CONTEXT =
  /(?:version|ver\.?|v|build|release|バージョン|chrome|firefox|edge|safari|ios|android|windows|macos|os|firmware|ファームウェア|更新|アップデート)\s*[:：]?\s*$/i;
/** A version word earlier on the same line, with no network word after it, also makes it a version. */
const VERSION_LINE = /(?:version|ver\.|バージョン|ファームウェア|firmware|修正版|影響を受ける)[^\n]*$/i;
/** Section and step numbers (手順 2.3.4.5, 第1.2.3.4項, 図 3.1.2.1) are not addresses either. */
const NUMBERING_BEFORE = /(?:手順|規程|規定|条|第|図|表|章|節|項|section|sec\.|step|clause|figure|fig\.|table|§)\s*$/i;
const NUMBERING_AFTER = /^(?:項|章|節|条|号)/;
/** 010.020.030.040: octal to some parsers, decimal to others; shown to a person, never taken as certain. */
const LEADING_ZERO = /(?:^|\.)0\d/;
const NETWORK_WORD = /(?:IP|アドレス|address|通信|接続|C2|サーバ|server|host|ホスト|送信元|攻撃元)/i;

export function extractIpv4(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(s); m; m = IPV4.exec(s)) {
    if (skipTaken(scan, IPV4, m.index)) continue; // inside an earlier hit: dropped anyway
    const raw = m[0];
    const defanged = isDefanged(raw);
    // Digits, dots and a prefix: with no defanged form in it, refanging changes nothing.
    const [addr, prefix] = (defanged ? refang(raw) : raw).split('/');
    const v4 = canonicalIpv4(addr as string);
    if (!v4) continue;
    if (!defanged) {
      const before = s.slice(Math.max(0, m.index - 40), m.index);
      if (VERSION_CONTEXT.test(before.slice(-16))) continue;
      const v = VERSION_LINE.exec(before);
      if (v && !NETWORK_WORD.test(v[0])) continue;
      if (NUMBERING_BEFORE.test(before.slice(-12)) || NUMBERING_AFTER.test(s.slice(m.index + raw.length, m.index + raw.length + 1)))
        continue;
    }
    if (prefix !== undefined) {
      const c = canonicalCidr(v4, Number(prefix));
      if (c) out.push(hit('cidr', c, scan, m.index, m.index + raw.length, defanged));
      continue;
    }
    const h = hit('ipv4', v4, scan, m.index, m.index + raw.length, defanged);
    out.push(LEADING_ZERO.test(addr as string) ? asCandidate(h, 'needsConfirmation', ['ipv4_leading_zero']) : h);
  }
}

/** Candidate IPv6: hex groups and colons, at least two colons; ipaddr.js decides. */
const IPV6 =
  /(?<![\w.])(?<![0-9A-Fa-f]:)(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:(?<=:)\d{1,3}(?:\.\d{1,3}){3})?(?:\/\d{1,3})?(?![\w:])/y;
/** Two colons close together: where an address can be (a pattern tried at every hex letter costs more). */
const COLON_PAIR = /:[0-9A-Fa-f]{0,4}:/g;
const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

const isWordOrDot = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e;

/**
 * The address starting at most four hex digits before the colon at `colon`. Only the first of
 * those positions can start one: before each later one stands a hex digit, which IPV6's first
 * lookbehind refuses, as it refuses the first when a word character or a dot stands before it
 * (a time, 03:12:45, in every log line).
 */
function ipv6At(s: string, colon: number): RegExpExecArray | null {
  let from = colon;
  while (from > 0 && colon - from < 4 && isHex(s.charCodeAt(from - 1))) from--;
  if (from > 0 && isWordOrDot(s.charCodeAt(from - 1))) return null;
  IPV6.lastIndex = from;
  return IPV6.exec(s);
}

export function extractIpv6(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  COLON_PAIR.lastIndex = 0;
  // test, not exec: no match array for the time in every log line. The pair's first colon is the
  // one before the hex digits that end at its second.
  while (COLON_PAIR.test(s)) {
    let colon = COLON_PAIR.lastIndex - 2;
    while (isHex(s.charCodeAt(colon))) colon--;
    if (skipTaken(scan, COLON_PAIR, colon)) continue;
    const m = ipv6At(s, colon);
    if (!m) {
      COLON_PAIR.lastIndex = colon + 1;
      continue;
    }
    COLON_PAIR.lastIndex = m.index + m[0].length;
    const raw = m[0];
    const [addr, prefix] = raw.split('/');
    const a = addr as string;
    // Times (12:34:56) and MAC addresses have neither '::' nor eight groups.
    if (!a.includes('::') && a.split(':').length !== 8) continue;
    const v6 = once(scan, 'ipv6', a, () => canonicalIpv6(a));
    if (!v6) continue;
    if (prefix !== undefined) {
      const c = canonicalCidr(a, Number(prefix));
      if (c) out.push(hit('cidr', c, scan, m.index, m.index + raw.length, false));
      continue;
    }
    out.push(hit('ipv6', v6, scan, m.index, m.index + raw.length, false));
  }
}
