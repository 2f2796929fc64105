import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58 } from '@scure/base';
import { validate as validateBtc } from 'bitcoin-address-validation';
import { ALNUM, Anchored, anchorable, longRuns } from './extract.anchors.js';
import { type Hit, hit, once, type Scan, skipTaken } from './extract.types.js';

/** Crypto-asset addresses (Bitcoin, Ethereum, TRON) and file hashes, each checked, not just shaped. */

const BTC = /(?<![A-Za-z0-9])(?:bc1[02-9ac-hj-np-z]{11,71}|BC1[02-9AC-HJ-NP-Z]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34})(?![A-Za-z0-9])/g;
const ETH = /(?<![A-Za-z0-9])0x[0-9A-Fa-f]{40}(?![A-Za-z0-9])/g;
const TRX = /(?<![A-Za-z0-9])T[1-9A-HJ-NP-Za-km-z]{33}(?![A-Za-z0-9])/g;
const HEX = /(?<![A-Za-z0-9-])[0-9A-Fa-f]{32,128}(?![A-Za-z0-9-])/g;
/**
 * Each of these matches a whole run of ASCII letters and digits, 14 characters or more (bc1 and
 * eleven): tried only where such a run starts, not at every letter of the text.
 */
const MIN_RUN = 14;
const BTC_AT = anchorable(BTC);
const ETH_AT = anchorable(ETH);
const TRX_AT = anchorable(TRX);
const HEX_AT = anchorable(HEX);
const runsOf = (scan: Scan) => once(scan, 'alnumRuns', '', () => longRuns(scan.folded, ALNUM, MIN_RUN));

const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** EIP-55: in a mixed-case address each letter's case is a checksum bit. */
export function eip55Valid(addr: string): boolean {
  const body = addr.slice(2);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return true;
  const h = toHex(keccak_256(new TextEncoder().encode(body.toLowerCase())));
  for (let i = 0; i < 40; i++) {
    const ch = body[i] as string;
    if (/[a-f]/i.test(ch) && (Number.parseInt(h[i] as string, 16) >= 8 ? ch !== ch.toUpperCase() : ch !== ch.toLowerCase())) return false;
  }
  return true;
}

/** TRON: base58check of 0x41 + 20 bytes, checksum = first 4 bytes of double SHA-256. */
export function tronValid(addr: string): boolean {
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(addr);
  } catch {
    return false;
  }
  if (bytes.length !== 25 || bytes[0] !== 0x41) return false;
  const sum = sha256(sha256(bytes.subarray(0, 21)));
  return sum[0] === bytes[21] && sum[1] === bytes[22] && sum[2] === bytes[23] && sum[3] === bytes[24];
}

export function extractCrypto(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  for (const [pattern, type] of [
    [BTC_AT, 'btc'],
    [ETH_AT, 'eth'],
    [TRX_AT, 'trx'],
  ] as const) {
    const re = new Anchored(pattern, s, runsOf(scan), 2);
    for (let m = re.exec(); m; m = re.exec()) {
      if (skipTaken(scan, re, m.index)) continue; // inside an earlier hit: dropped anyway
      const raw = m[0];
      const valid = once(scan, type, raw, () => (type === 'btc' ? validateBtc(raw) : type === 'eth' ? eip55Valid(raw) : tronValid(raw)));
      if (!valid) continue;
      const value = type === 'eth' || raw.toLowerCase().startsWith('bc1') ? raw.toLowerCase() : raw;
      out.push(hit(type, value, scan, m.index, m.index + raw.length, false));
    }
  }
}

const HASH_BY_LENGTH: Record<number, 'md5' | 'sha1' | 'sha256' | 'sha512'> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };

export function extractHashes(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  const re = new Anchored(HEX_AT, s, runsOf(scan), 2);
  for (let m = re.exec(); m; m = re.exec()) {
    if (skipTaken(scan, re, m.index)) continue; // inside an earlier hit: dropped anyway
    const raw = m[0];
    const type = HASH_BY_LENGTH[raw.length];
    if (!type) continue;
    // A hash has both digits and letters in practice; all digits is a number, all letters a word.
    if (/^\d+$/.test(raw) || /^[A-Fa-f]+$/.test(raw)) continue;
    if (s.slice(Math.max(0, m.index - 2), m.index).toLowerCase() === '0x') continue;
    // Victim IDs, keys and tokens in ransom notes look like hashes but are not presented as such.
    if (/(?:\bID|キー|key|token|トークン|識別子|番号)\s*[:：=]?\s*$/i.test(s.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push(hit(type, raw.toLowerCase(), scan, m.index, m.index + raw.length, false));
  }
}
