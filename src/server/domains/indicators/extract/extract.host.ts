import ipaddr from 'ipaddr.js';
import { parse as parseHost } from 'tldts';

/**
 * Host names and addresses: validation by tldts (public suffix list) and ipaddr.js, and the
 * rules that keep file names, product names and version numbers out.
 */

/** Defanged separators people write instead of a dot. Folded text, so full-width forms are ASCII here. */
export const DOT = String.raw`(?:\.|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))`;
/** The same, with the spaces people put around a spelled-out dot: "mail-relay [dot] org". */
export const DOT_SPACED = String.raw`(?:\.|\[\.\]|\(\.\)|\{\.\}| ?\[dot\] ?| ?\(dot\) ?)`;

export function refang(s: string): string {
  return (
    s
      .replace(/\[\.\]|\(\.\)|\{\.\}| ?\[dot\] ?| ?\(dot\) ?/gi, '.')
      .replace(/\[:\]|\[:\/\/\]/g, (m) => (m === '[:]' ? ':' : '://'))
      .replace(/\s?\[at\]\s?|\s?\(at\)\s?|\[@\]|\(@\)/gi, '@')
      // Only a scheme: "fxp0@example.com" is an address whose local part happens to start so.
      .replace(/^h(?:xx|\*\*)p(?=s?(?::|\[:\]))/i, (m) => `${m[0]}ttp`)
      .replace(/^fxp(?=:|\[:\])/i, 'ftp')
  );
}

const DEFANGED = /\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\[:\]|\[at\]|\(at\)|\[@\]|\(@\)|^h(?:xx|\*\*)ps?(?::|\[:\])|^fxp(?::|\[:\])/i;

/**
 * Every defanged form holds a bracket or starts with h or f: asked of every hit, and nearly every
 * hit is a plain address with neither, which three unit searches settle without the pattern.
 */
export const isDefanged = (raw: string): boolean => {
  const first = raw.charCodeAt(0) | 0x20;
  if (first !== 0x68 /* h */ && first !== 0x66 /* f */ && raw.indexOf('[') < 0 && raw.indexOf('(') < 0 && raw.indexOf('{') < 0)
    return false;
  return DEFANGED.test(raw);
};

/** TLDs that are also common file extensions: `invoice.zip`, `main.py`, `README.md` are files. */
const FILE_EXT_TLDS = new Set([
  'zip',
  'mov',
  'py',
  'md',
  'sh',
  'rs',
  'pl',
  'pm',
  'ps',
  'ai',
  'so',
  'app',
  'cab',
  'one',
  'ml',
  'cc',
  'sc',
  'gs',
  'ts',
  'rb',
  'js',
  'cs',
]);

/** Product names that happen to be registrable domains, recognised by how they are written. */
const PRODUCT_NAMES = /^(?:ASP|VB|ADO|Entity|dot)\.NET$/i;

export function validDomain(host: string, opts: { strict: boolean; raw?: string }): string | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h.length > 253 || !h.includes('.')) return null;
  const labels = h.split('.');
  if (labels.some((l) => l.length === 0 || l.length > 63 || l.startsWith('-') || l.endsWith('-'))) return null;
  const p = parseHost(h, { allowPrivateDomains: true });
  if (!p.publicSuffix || !(p.isIcann || p.isPrivate) || !p.domain) return null;
  if (/^\d+$/.test(labels[labels.length - 1] as string)) return null;
  if (opts.strict) {
    const tld = labels[labels.length - 1] as string;
    if (labels.length === 2 && FILE_EXT_TLDS.has(tld)) return null;
    if (opts.raw && PRODUCT_NAMES.test(opts.raw) && /NET$/.test(opts.raw)) return null;
    // Socket.IO, Chart.JS: a capitalised word with an all-capitals "TLD" is a product name.
    if (opts.raw && labels.length === 2 && /^[A-Z][a-z]+\.[A-Z]{2,}$/.test(opts.raw)) return null;
  }
  return h;
}

/** IDN hosts in their ASCII (punycode) form, through the WHATWG URL parser. */
export function toAsciiHost(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

export function canonicalIpv4(s: string): string | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out.join('.');
}

export function canonicalIpv6(s: string): string | null {
  if (!ipaddr.IPv6.isValid(s)) return null;
  try {
    return (ipaddr.IPv6.parse(s) as ipaddr.IPv6).toRFC5952String();
  } catch {
    return null;
  }
}

export function canonicalCidr(addr: string, prefix: number): string | null {
  try {
    const parsed = ipaddr.parse(addr);
    const max = parsed.kind() === 'ipv4' ? 32 : 128;
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return null;
    const first =
      parsed.kind() === 'ipv4'
        ? ipaddr.IPv4.networkAddressFromCIDR(`${addr}/${prefix}`).toString()
        : ipaddr.IPv6.networkAddressFromCIDR(`${addr}/${prefix}`).toRFC5952String();
    return `${first}/${prefix}`;
  } catch {
    return null;
  }
}
