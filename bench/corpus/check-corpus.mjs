#!/usr/bin/env node
// Validates bench/corpus/extraction.jsonl, the labelled corpus for the indicator extractor.
//
// Every expected value must be valid (checked with the same libraries the platform uses) and in the
// canonical form of src/contracts/indicators.contracts.ts. A few consistency rules of the corpus are
// checked too (URL hosts are listed, email domains are not listed on their own, valid crypto
// addresses in the text are expected and invalid ones are not, values can be found in the text).
// Prints counts per category and per type. Exit status 1 when any line is invalid.
//
// Usage: node bench/corpus/check-corpus.mjs [path/to/extraction.jsonl]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import url, { fileURLToPath } from 'node:url';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58 } from '@scure/base';
import { validate as validateBtc } from 'bitcoin-address-validation';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { parsePhoneNumberFromString as parseWithFullMetadata } from 'libphonenumber-js/max';
import { parse as parseDomain } from 'tldts';

const require = createRequire(import.meta.url);
const ipaddr = require('ipaddr.js');
const zengin = require('zengin-code');

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, 'extraction.jsonl');

const TYPES = [
  'url',
  'domain',
  'ipv4',
  'ipv6',
  'cidr',
  'email',
  'phone',
  'bankAccount',
  'btc',
  'eth',
  'trx',
  'md5',
  'sha1',
  'sha256',
  'sha512',
  'cve',
  'social',
];
const MIN_PER_CATEGORY = {
  jp_sms_lure: 30,
  jp_email_phishing: 30,
  jp_fake_shop: 25,
  jp_bank_transfer: 35,
  jp_support_scam: 20,
  jp_ransomware: 20,
  jp_investment_romance: 20,
  jp_advisory: 25,
  en_threat_report: 30,
  hard_negative: 40,
  hard_positive: 45,
  bank_unresolved: 12,
  url_markup: 8,
  url_end: 8,
  defanged_forms: 8,
  not_ip: 8,
  deceptive_host: 5,
  malformed_candidate: 5,
};
const MIN_TOTAL = 320;
const SOCIAL_SERVICES = ['x', 'instagram', 'facebook', 'tiktok', 'line', 'telegram', 'youtube'];
const HASH_LENGTH = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };
const LINE_KEYS = ['id', 'category', 'lang', 'text', 'expected', 'note'];
/**
 * What looks like a value but cannot be confirmed (an account whose bank or branch does not
 * resolve, an IPv4 written with leading zeros) or does not validate (a failed check digit, a phone
 * number of impossible length). Such items carry a status and a best-effort value.
 */
const STATUSES = ['needsConfirmation', 'malformed'];
const CANDIDATE_TYPES = { bankAccount: STATUSES, phone: ['malformed'], ipv4: ['needsConfirmation'] };

// ---------- validators: return an error message, or null when the value is valid and canonical ----------

function hostError(host) {
  const p = parseDomain(host);
  if (p.hostname !== host) return `tldts reads hostname ${JSON.stringify(p.hostname)}`;
  if (!p.domain) return 'no registrable domain';
  if (!(p.isIcann || p.publicSuffix === 'onion')) return `no known public suffix (${p.publicSuffix})`;
  return null;
}

function domainError(v) {
  if (v !== v.toLowerCase()) return 'not lower case';
  if (v.endsWith('.')) return 'trailing dot';
  if (url.domainToASCII(v) !== v) return `not punycode canonical (${url.domainToASCII(v)})`;
  return hostError(v);
}

function ipv4Error(v) {
  if (!ipaddr.IPv4.isValidFourPartDecimal(v)) return 'not a dotted-decimal IPv4';
  if (ipaddr.parse(v).toString() !== v) return `canonical is ${ipaddr.parse(v).toString()}`;
  return null;
}

function ipv6Error(v) {
  if (!ipaddr.IPv6.isValid(v)) return 'not an IPv6 address';
  const c = ipaddr.IPv6.parse(v).toRFC5952String();
  return c === v ? null : `canonical is ${c}`;
}

function cidrError(v) {
  if (!ipaddr.isValidCIDR(v)) return 'not a CIDR';
  const [addr, len] = ipaddr.parseCIDR(v);
  const net =
    addr.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(v).toString() : ipaddr.IPv6.networkAddressFromCIDR(v).toRFC5952String();
  const c = `${net}/${len}`;
  return c === v ? null : `canonical is ${c}`;
}

function urlError(v) {
  let u;
  try {
    u = new URL(v);
  } catch {
    return 'WHATWG URL parser rejects it';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `scheme ${u.protocol}`;
  if (v.includes('#')) return 'fragment must be dropped';
  if (u.href !== v) return `WHATWG serialisation is ${u.href}`;
  return hostItem(u.hostname).error;
}

/** The indicator a URL host yields: domain, ipv4 or ipv6. */
function hostItem(hostname) {
  if (hostname.startsWith('[')) {
    const value = hostname.slice(1, -1);
    return { type: 'ipv6', value, error: ipv6Error(value) };
  }
  if (/^[0-9.]+$/.test(hostname)) return { type: 'ipv4', value: hostname, error: ipv4Error(hostname) };
  return { type: 'domain', value: hostname, error: domainError(hostname) };
}

function emailError(v) {
  if (v !== v.toLowerCase()) return 'not lower case';
  const m = /^[a-z0-9._%+-]+@([^@\s]+)$/.exec(v);
  if (!m) return 'not an address';
  const e = domainError(m[1]);
  return e ? `domain part: ${e}` : null;
}

function phoneError(v) {
  if (!/^\+[1-9]\d{6,14}$/.test(v)) return 'not E.164';
  const p = parsePhoneNumberFromString(v);
  if (!p?.isValid()) return 'libphonenumber-js says invalid';
  return p.number === v ? null : `canonical is ${p.number}`;
}

function bankError(v) {
  const m = /^(\d{4})-(\d{3})-([124])-(\d{7})$/.exec(v);
  if (!m) return 'not "bank-branch-type-number" (4-3-1|2|4-7 digits)';
  const bank = zengin[m[1]];
  if (!bank) return `bank code ${m[1]} not in zengin-code`;
  if (!bank.branches[m[2]]) return `branch ${m[2]} of ${bank.name} not in zengin-code`;
  if (m[1] === '9900' && m[3] !== '1') return 'Japan Post Bank 記号/番号 accounts are 普通 (1)';
  return null;
}

function btcError(v) {
  if (!validateBtc(v)) return 'bitcoin-address-validation rejects it';
  if (/^bc1/i.test(v) && v !== v.toLowerCase()) return 'bech32 must be lower case';
  return null;
}

function eip55(lower40) {
  const h = Buffer.from(keccak_256(new TextEncoder().encode(lower40))).toString('hex');
  let out = '0x';
  for (let i = 0; i < 40; i++) out += /[a-f]/.test(lower40[i]) && Number.parseInt(h[i], 16) >= 8 ? lower40[i].toUpperCase() : lower40[i];
  return out;
}
/** An ETH address as written is valid when all lower, all upper, or mixed with a correct EIP-55 checksum. */
function ethWrittenValid(s) {
  const body = s.slice(2);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return true;
  return eip55(body.toLowerCase()) === s;
}
function ethError(v) {
  return /^0x[0-9a-f]{40}$/.test(v) ? null : 'not lower-case 0x + 40 hex';
}

function trxValid(s) {
  if (!/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(s)) return false;
  let b;
  try {
    b = base58.decode(s);
  } catch {
    return false;
  }
  if (b.length !== 25 || b[0] !== 0x41) return false;
  const c = sha256(sha256(b.slice(0, 21)));
  return c.slice(0, 4).every((x, i) => x === b[21 + i]);
}
function trxError(v) {
  return trxValid(v) ? null : 'not a TRON base58check address (0x41, double sha256)';
}

function hashError(type, v) {
  return new RegExp(`^[0-9a-f]{${HASH_LENGTH[type]}}$`).test(v) ? null : `not ${HASH_LENGTH[type]} lower-case hex`;
}

function cveError(v) {
  return /^CVE-\d{4}-\d{4,}$/.test(v) ? null : 'not CVE-YYYY-NNNN+ upper case';
}

function socialError(v) {
  const m = /^([a-z]+):([a-z0-9._-]+)$/.exec(v);
  if (!m) return 'not "service:handle" in lower case without @';
  return SOCIAL_SERVICES.includes(m[1]) ? null : `unknown service ${m[1]}`;
}

function valueError(type, v) {
  switch (type) {
    case 'url':
      return urlError(v);
    case 'domain':
      return domainError(v);
    case 'ipv4':
      return ipv4Error(v);
    case 'ipv6':
      return ipv6Error(v);
    case 'cidr':
      return cidrError(v);
    case 'email':
      return emailError(v);
    case 'phone':
      return phoneError(v);
    case 'bankAccount':
      return bankError(v);
    case 'btc':
      return btcError(v);
    case 'eth':
      return ethError(v);
    case 'trx':
      return trxError(v);
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'sha512':
      return hashError(type, v);
    case 'cve':
      return cveError(v);
    case 'social':
      return socialError(v);
    default:
      return `unknown type ${type}`;
  }
}

/** A candidate's value: the parts that are known, `?` for the ones that are not. */
function candidateError(type, status, v) {
  if (!CANDIDATE_TYPES[type]?.includes(status)) return `status ${status} is not used for ${type}`;
  if (type === 'bankAccount') {
    const m = /^(\d{4}|\?{4})-(\d{3}|\?{3})-([124?])-(\d{7})$/.exec(v);
    if (!m) return 'not "bank-branch-type-number" with ? for unknown parts';
    if (m[1] !== '????' && !zengin[m[1]]) return `bank code ${m[1]} not in zengin-code`;
    if (status === 'needsConfirmation' && !v.includes('?')) return 'an account needing confirmation has an unknown part';
    if (status === 'malformed' && v.includes('?')) return 'a malformed account is read in full';
    return null;
  }
  if (type === 'phone') {
    if (!/^\+[1-9]\d{6,14}$/.test(v)) return 'not E.164-shaped';
    // The full metadata (as the extractor uses): the minimal one accepts some impossible numbers.
    return parseWithFullMetadata(v)?.isValid() ? 'a valid number is not malformed' : null;
  }
  return ipv4Error(v);
}

// ---------- "can the value be found in the text" (a sanity check against typos, not an extractor) ----------

function refang(s) {
  return s
    .normalize('NFKC')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/(?<=[a-z0-9])。(?=[a-z0-9])/gi, '.')
    .replace(/\s?\[dot\]\s?|\s?\(dot\)\s?/gi, '.')
    .replace(/\s?\[at\]\s?|\s?\(at\)\s?|\(@\)|\[@\]/gi, '@')
    .replace(/h\*\*p/gi, 'http')
    .replace(/hxxp/gi, 'http')
    .replace(/\[:\]/g, ':')
    .replace(/\[\.\]|\(\.\)|\[dot\]|\(dot\)/gi, '.')
    .replace(/\[at\]|\(at\)/gi, '@');
}

function safeDecode(s) {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A host name not preceded or followed by further host-name characters. */
const standalone = (d, flags = '') => {
  const c = /^[a-z0-9.-]*$/.test(d) ? 'a-z0-9' : '\\p{L}\\p{N}';
  return new RegExp(`(?<![${c}.-])${escapeRegExp(d)}(?![${c}-]|\\.[${c}])`, `u${flags}`);
};

function foundInText(type, v, t) {
  const { lower, joined, digits, nfkc } = t;
  switch (type) {
    case 'url': {
      const u = new URL(v);
      const host = u.hostname.startsWith('[') ? u.hostname : url.domainToUnicode(u.hostname);
      const rest = `${u.pathname}${u.search}`;
      const auth = u.username ? `${u.username}${u.password ? `:${u.password}` : ''}@` : '';
      const port = u.port ? `:${u.port}` : '';
      const forms = [host, u.hostname]
        .flatMap((h) => [`${u.protocol}//${auth}${h}${port}${rest}`, `${u.protocol}//${auth}${h}${port}${safeDecode(rest)}`])
        .map((f) => (rest === '/' ? f.slice(0, -1) : f).toLowerCase());
      const noDefaultPort = joined.replace(/:(80|443)(?=[/?])/g, '');
      return forms.some((f) => joined.includes(f) || noDefaultPort.includes(f));
    }
    case 'domain':
      // as a whole host name: a longer host that merely ends with the value does not count
      return [v, url.domainToUnicode(v)].some((d) => standalone(d).test(lower));
    case 'ipv4':
      return lower.includes(v) || lower.replace(/(?<![0-9])0+(?=[0-9])/g, '').includes(v);
    case 'email':
    case 'eth':
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'sha512':
      return lower.includes(v);
    case 'ipv6':
      return [...lower.matchAll(/[0-9a-f]*:[0-9a-f:.]*/g)]
        .map((m) => m[0].replace(/^:(?!:)/, '').replace(/[.:]+$/, (x) => (x === '::' ? x : '')))
        .some((s) => ipaddr.IPv6.isValid(s) && ipaddr.IPv6.parse(s).toRFC5952String() === v);
    case 'cidr':
      return (
        [...lower.matchAll(/[0-9a-f:.]+\/\d{1,3}/g)].some((m) => ipaddr.isValidCIDR(m[0]) && cidrError(m[0]) === `canonical is ${v}`) ||
        lower.includes(v)
      );
    case 'phone': {
      const p = parsePhoneNumberFromString(v);
      return digits.includes(p?.nationalNumber ?? v.replace(/^\+81/, ''));
    }
    case 'bankAccount':
      return digits.includes(v.split('-')[3].replace(/^0+/, ''));
    case 'btc':
      return v.startsWith('bc1') ? lower.includes(v) : nfkc.includes(v);
    case 'trx':
      return nfkc.includes(v);
    case 'cve':
      return nfkc.toUpperCase().includes(v);
    case 'social':
      return lower.includes(v.slice(v.indexOf(':') + 1));
    default:
      return false;
  }
}

// ---------- corpus-level consistency rules ----------

function consistencyErrors(o, t) {
  const errs = [];
  const has = (type, value) => o.expected.some((e) => e.type === type && e.value === value);
  for (const e of o.expected) {
    if (e.type === 'url' && !urlError(e.value)) {
      const h = hostItem(new URL(e.value).hostname);
      if (!has(h.type, h.value)) errs.push(`url ${e.value}: its host must also be expected as ${h.type} ${h.value}`);
    }
    if (e.type === 'email' && !emailError(e.value)) {
      const d = e.value.slice(e.value.indexOf('@') + 1);
      if (has('domain', d)) {
        const all = (t.lower.match(standalone(d, 'g')) ?? []).length;
        const inEmail = (t.lower.match(new RegExp(`@${escapeRegExp(d)}(?![a-z0-9-]|\\.[a-z0-9])`, 'g')) ?? []).length;
        const inUrl = o.expected.some((x) => x.type === 'url' && new URL(x.value).hostname === d);
        if (all === inEmail && !inUrl) errs.push(`domain ${d} only occurs as the domain part of an email and must not be expected`);
      }
    }
  }
  // ETH: every 0x + 40 hex token that is valid as written must be expected; invalid mixed case must not.
  for (const m of t.nfkc.matchAll(/(?<![0-9A-Za-z])0x[0-9a-fA-F]{40}(?![0-9A-Za-z])/g)) {
    const valid = ethWrittenValid(m[0]);
    const exp = has('eth', m[0].toLowerCase());
    if (valid && !exp) errs.push(`ETH address ${m[0]} in the text is valid but not expected`);
    if (!valid && exp) errs.push(`ETH address ${m[0]} fails the EIP-55 checksum but is expected`);
  }
  // TRON: every T + 33 base58 token that passes the checksum must be expected; others must not.
  for (const m of t.nfkc.matchAll(/(?<![0-9A-Za-z])T[1-9A-HJ-NP-Za-km-z]{33}(?![0-9A-Za-z])/g)) {
    const valid = trxValid(m[0]);
    if (valid && !has('trx', m[0])) errs.push(`TRON address ${m[0]} in the text is valid but not expected`);
  }
  // BTC: every token that validates must be expected.
  for (const m of t.nfkc.matchAll(
    /(?<![0-9A-Za-z])(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{8,87}|BC1[02-9AC-HJ-NP-Z]{8,87})(?![0-9A-Za-z])/g,
  )) {
    if (validateBtc(m[0]) && !has('btc', /^bc1/i.test(m[0]) ? m[0].toLowerCase() : m[0])) {
      errs.push(`BTC address ${m[0]} in the text is valid but not expected`);
    }
  }
  return errs;
}

// ---------- main ----------

const lines = fs.readFileSync(file, 'utf8').split('\n');
const problems = [];
const ids = new Set();
const perCategory = {};
const perType = Object.fromEntries(TYPES.map((x) => [x, 0]));
const perCategoryType = {};
let cases = 0;
let empty = 0;
const langs = { ja: 0, en: 0 };

lines.forEach((line, i) => {
  if (line.trim() === '') return;
  const where = `line ${i + 1}`;
  const errs = [];
  let o;
  try {
    o = JSON.parse(line);
  } catch (e) {
    problems.push(`${where}: not JSON (${e.message})`);
    return;
  }
  const label = typeof o.id === 'string' ? `${where} ${o.id}` : where;
  for (const k of Object.keys(o)) if (!LINE_KEYS.includes(k)) errs.push(`unknown field ${k}`);
  if (typeof o.id !== 'string' || !/^[a-z]+(-[a-z]+)*-\d{3}$/.test(o.id)) errs.push('id must look like "jp-sms-001"');
  else if (ids.has(o.id)) errs.push('duplicate id');
  else ids.add(o.id);
  if (!(o.category in MIN_PER_CATEGORY)) errs.push(`unknown category ${o.category}`);
  if (o.lang !== 'ja' && o.lang !== 'en') errs.push('lang must be ja or en');
  if (typeof o.text !== 'string' || o.text.trim() === '') errs.push('text must be a non-empty string');
  if (o.note !== undefined && (typeof o.note !== 'string' || o.note === '')) errs.push('note must be a non-empty string when present');
  if (!Array.isArray(o.expected)) errs.push('expected must be an array');
  if (errs.length) {
    problems.push(...errs.map((e) => `${label}: ${e}`));
    return;
  }
  const nfkc = o.text.normalize('NFKC');
  const lower = refang(o.text).toLowerCase();
  const t = { nfkc, lower, joined: lower.replace(/\r?\n/g, ''), digits: nfkc.replace(/[^0-9]/g, '') };
  const seen = new Set();
  for (const e of o.expected) {
    if (
      !e ||
      typeof e !== 'object' ||
      Object.keys(e).some((k) => k !== 'type' && k !== 'value' && k !== 'status') ||
      typeof e.value !== 'string' ||
      (e.status !== undefined && !STATUSES.includes(e.status))
    ) {
      errs.push(`expected item must be {"type","value"} or {"type","value","status"}: ${JSON.stringify(e)}`);
      continue;
    }
    if (!TYPES.includes(e.type)) {
      errs.push(`unknown type ${e.type}`);
      continue;
    }
    const key = `${e.type}\u0000${e.value}\u0000${e.status ?? ''}`;
    if (seen.has(key)) errs.push(`duplicate expected ${e.type} ${e.value}`);
    seen.add(key);
    const err = e.status ? candidateError(e.type, e.status, e.value) : valueError(e.type, e.value);
    if (err) errs.push(`${e.type} ${e.value}: ${err}`);
    else if (!foundInText(e.type, e.value, t)) errs.push(`${e.type} ${e.value}: cannot be found in the text`);
  }
  errs.push(...consistencyErrors(o, t));
  if (errs.length) {
    problems.push(...errs.map((e) => `${label}: ${e}`));
    return;
  }
  cases++;
  langs[o.lang]++;
  if (o.expected.length === 0) empty++;
  perCategory[o.category] = (perCategory[o.category] ?? 0) + 1;
  perCategoryType[o.category] ??= {};
  for (const e of o.expected) {
    perType[e.type]++;
    perCategoryType[o.category][e.type] = (perCategoryType[o.category][e.type] ?? 0) + 1;
  }
});

for (const [c, min] of Object.entries(MIN_PER_CATEGORY)) {
  if ((perCategory[c] ?? 0) < min) problems.push(`category ${c}: ${perCategory[c] ?? 0} valid cases, at least ${min} required`);
}
if (cases < MIN_TOTAL) problems.push(`${cases} valid cases, at least ${MIN_TOTAL} required`);

console.log(`${path.relative(process.cwd(), file)}: ${cases} valid cases (ja ${langs.ja}, en ${langs.en}; ${empty} with no indicator)\n`);
console.log('category                 cases  min  indicators');
for (const c of Object.keys(MIN_PER_CATEGORY)) {
  const n = Object.values(perCategoryType[c] ?? {}).reduce((a, b) => a + b, 0);
  console.log(
    `${c.padEnd(24)} ${String(perCategory[c] ?? 0).padStart(5)} ${String(MIN_PER_CATEGORY[c]).padStart(4)}  ${String(n).padStart(10)}`,
  );
}
console.log('\ntype          count');
for (const x of TYPES) console.log(`${x.padEnd(12)} ${String(perType[x]).padStart(6)}`);
console.log(`${'total'.padEnd(12)} ${String(Object.values(perType).reduce((a, b) => a + b, 0)).padStart(6)}`);

if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('\nOK');
