import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { IndicatorType } from './indicators.contracts.js';

/**
 * One renderer for every place a person reads an indicator value (intake, indicators, clusters,
 * notices and notification texts): the value as people write it, with the canonical form kept
 * for copying and searching. Pure and small, so the server and the browser share it; names that
 * need a large dataset (bank and branch names from zengin-code, 5 MB) or Node (IDN Unicode) come
 * from the server as `attributes` (the same keys as an extraction hit's).
 *
 *   phone       +815052127788         → 050-5212-7788（IP電話）
 *   bankAccount 0005-341-1-1234567    → 三菱UFJ銀行 新宿支店 普通 1234567 ﾔﾏﾀﾞﾀﾛｳ
 *   url         https://evil.example/ → hxxps://evil[.]example/   (defanged everywhere: no misclick)
 *   domain      xn--…                 → the Unicode name, defanged, punycode kept as canonical
 *   eth/btc/trx long addresses        → shortened 0x1234…abcd, the whole address on copy
 */
export interface ValueAttributes {
  bankName?: string;
  branchName?: string;
  holder?: string;
  /** The Unicode form of an IDN host (domain, or a URL's host). */
  unicode?: string;
  [key: string]: string | undefined;
}

export interface DisplayValue {
  /** What a person reads. */
  text: string;
  /** A short note after the value: the phone line type (IP電話), 口座種別 is in `text`. */
  note: string | null;
  /** The canonical value: what copy puts on the clipboard and what correlation uses. */
  canonical: string;
  /** The whole value when `text` is shortened or converted (punycode behind a Unicode name). */
  full: string | null;
}

type Lang = 'ja' | 'en';

/**
 * Japanese number plan (総務省 電気通信番号計画): the line type from the first digits of a
 * national number. Shared cost and premium ranges first: they are longer prefixes.
 */
const JP_LINE_TYPES: [RegExp, { ja: string; en: string }][] = [
  [/^(?:120|800)/, { ja: 'フリーダイヤル', en: 'toll-free' }],
  [/^570/, { ja: 'ナビダイヤル', en: 'shared cost' }],
  [/^990/, { ja: '情報料代理徴収', en: 'premium rate' }],
  [/^50/, { ja: 'IP電話', en: 'IP phone' }],
  [/^[789]0/, { ja: '携帯電話', en: 'mobile' }],
  [/^20/, { ja: 'M2M・無線呼出し', en: 'M2M / pager' }],
  [/^60/, { ja: 'FMC', en: 'FMC' }],
  [/^[1-9]/, { ja: '固定電話', en: 'landline' }],
];

export const accountTypeLabels: Record<string, { ja: string; en: string }> = {
  '1': { ja: '普通', en: 'Ordinary' },
  '2': { ja: '当座', en: 'Current' },
  '4': { ja: '貯蓄', en: 'Savings' },
};

/** 050-5212-7788 and its line type; a foreign number in international form with its country. */
export function displayPhone(canonical: string, lng: Lang = 'ja'): DisplayValue {
  const p = parsePhoneNumberFromString(canonical);
  if (!p) return { text: canonical, note: null, canonical, full: null };
  if (p.country === 'JP' || p.countryCallingCode === '81') {
    const type = JP_LINE_TYPES.find(([re]) => re.test(p.nationalNumber))?.[1];
    return { text: p.formatNational(), note: type ? type[lng] : null, canonical, full: null };
  }
  return { text: p.formatInternational(), note: p.country ?? null, canonical, full: null };
}

/**
 * zengin-code names banks without 「銀行」 and in full-width letters (「三菱ＵＦＪ」) and branches
 * without 「支店」; people write 「三菱UFJ銀行 新宿支店」. Codes below 1000 and ゆうちょ (9900)
 * are banks; ゆうちょ's branches are 「〇一八店」.
 */
export function bankDisplayName(code: string, name: string): string {
  const n = name.normalize('NFKC');
  const isBank = (code < '1000' || code === '9900') && !/(銀行|金庫|組合|Bank)$/i.test(n);
  return isBank ? `${n}銀行` : n;
}

export function branchDisplayName(bankCode: string, name: string): string {
  const n = name.normalize('NFKC');
  if (/(支店|営業部|出張所|本店|支所|店|部|センター)$/.test(n)) return n;
  return bankCode === '9900' ? `${n}店` : `${n}支店`;
}

/** 三菱UFJ銀行 新宿支店 普通 1234567 ﾔﾏﾀﾞﾀﾛｳ; codes when the names are not known. */
export function displayBankAccount(canonical: string, attrs: ValueAttributes = {}, lng: Lang = 'ja'): DisplayValue {
  const m = /^(\d{4})-(\d{3})-(\d)-(\d{7})$/.exec(canonical);
  if (!m) return { text: canonical, note: null, canonical, full: null };
  const [, bank, branch, type, number] = m as unknown as [string, string, string, string, string];
  const bankText = attrs.bankName ? bankDisplayName(bank, attrs.bankName) : lng === 'en' ? `Bank ${bank}` : `金融機関${bank}`;
  const branchText = attrs.branchName ? branchDisplayName(bank, attrs.branchName) : lng === 'en' ? `branch ${branch}` : `店番${branch}`;
  const typeText = accountTypeLabels[type]?.[lng] ?? type;
  const parts = [bankText, branchText, typeText, number, attrs.holder ?? ''].filter(Boolean);
  return { text: parts.join(' '), note: null, canonical, full: null };
}

/** The host of a URL or a domain, with its last dot (before the top-level domain) bracketed. */
function defangHost(host: string): string {
  const at = host.lastIndexOf('.');
  return at < 0 ? host : `${host.slice(0, at)}[.]${host.slice(at + 1)}`;
}

function displayUrl(canonical: string, attrs: ValueAttributes): DisplayValue {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(canonical);
  if (!m) return { text: canonical, note: null, canonical, full: null };
  const [, scheme, authority, rest] = m as unknown as [string, string, string, string];
  const hostPort = /^(.*?)(:\d+)?$/.exec(authority) as RegExpExecArray;
  const host = hostPort[1] ?? authority;
  const shownHost = attrs.unicode && attrs.unicode !== host ? attrs.unicode : host;
  const shownScheme = scheme.toLowerCase().replace(/^http/, 'hxxp').replace(/^ftp/, 'fxp');
  const text = `${shownScheme}://${defangHost(shownHost)}${hostPort[2] ?? ''}${rest}`;
  return { text, note: null, canonical, full: shownHost !== host ? canonical : null };
}

function displayDomain(canonical: string, attrs: ValueAttributes): DisplayValue {
  const shown = attrs.unicode && attrs.unicode !== canonical ? attrs.unicode : canonical;
  return { text: defangHost(shown), note: null, canonical, full: shown !== canonical ? canonical : null };
}

/** Long addresses and hashes: the first and last characters, enough to tell two apart at a glance. */
export function shorten(value: string, head = 8, tail = 6): string {
  return value.length <= head + tail + 1 ? value : `${value.slice(0, head)}…${value.slice(-tail)}`;
}

const SOCIAL_NAMES: Record<string, string> = {
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  line: 'LINE',
  telegram: 'Telegram',
  youtube: 'YouTube',
};

/** The value of `type` as a person reads it, with the canonical form for copying. */
export function displayValue(type: IndicatorType | string, canonical: string, attrs: ValueAttributes = {}, lng: Lang = 'ja'): DisplayValue {
  switch (type) {
    case 'phone':
      return displayPhone(canonical, lng);
    case 'bankAccount':
      return displayBankAccount(canonical, attrs, lng);
    case 'url':
      return displayUrl(canonical, attrs);
    case 'domain':
      return displayDomain(canonical, attrs);
    case 'social': {
      const [service, ...handle] = canonical.split(':');
      const name = SOCIAL_NAMES[service ?? ''];
      return { text: name ? `${name} @${handle.join(':')}` : canonical, note: null, canonical, full: null };
    }
    case 'btc':
    case 'eth':
    case 'trx':
    case 'sha1':
    case 'sha256':
    case 'sha512': {
      const text = shorten(canonical);
      return { text, note: null, canonical, full: text === canonical ? null : canonical };
    }
    default:
      return { text: canonical, note: null, canonical, full: null };
  }
}

/** One line for texts (notices, notifications, page titles): 「050-5212-7788（IP電話）」. */
export function valueText(type: IndicatorType | string, canonical: string, attrs: ValueAttributes = {}, lng: Lang = 'ja'): string {
  const d = displayValue(type, canonical, attrs, lng);
  if (!d.note) return d.text;
  return lng === 'en' ? `${d.text} (${d.note})` : `${d.text}（${d.note}）`;
}
