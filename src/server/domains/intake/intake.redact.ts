import { extract } from '../indicators/index.js';
import type { PartyValues } from './intake.personal.js';

/**
 * The narrative as it may leave in a file: the complainant's and victim's own names, addresses,
 * phone numbers and accounts masked wherever they are written again in it — as typed in the
 * party fields (spaces ignored) and as indicators whose canonical value equals them (the same
 * phone written 022-211-1111, ０２２２１１１１１１ or +81 22…). Other people's details (the
 * fraudster's number) stay: they are what the file is for.
 */
export function maskNarrative(text: string, v: PartyValues): string {
  const spans: [number, number][] = [];
  const phones = new Set(v.phones);
  const accounts = new Set(v.accounts);
  for (const h of extract(text)) {
    if ((h.type === 'phone' && phones.has(h.value)) || (h.type === 'bankAccount' && accounts.has(h.value))) spans.push([h.start, h.end]);
  }
  for (const { needle, namePart } of literalNeedles(v)) {
    const body = Array.from(needle).map(charClass).join('\\s*');
    const re = new RegExp(namePart ? wordBounded(needle, body) : body, 'gu');
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  if (spans.length === 0) return text;
  const masked = Array.from({ length: text.length }, () => false);
  for (const [s, e] of spans) for (let i = s; i < e; i++) masked[i] = true;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    out += masked[i] && !/\s/u.test(ch) ? (isLowSurrogate(ch) ? '' : '＊') : ch;
  }
  return out;
}

const escapeRe = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A character as written either way: half- or full-width letters and digits, any hyphen or dash. */
function charClass(ch: string): string {
  if (/[-‐−－ー―]/u.test(ch)) return '[-‐−－ー―]';
  if (/[0-9A-Za-z]/.test(ch)) return `[${ch}${String.fromCharCode(ch.charCodeAt(0) + 0xfee0)}]`;
  return escapeRe(ch);
}
const isLowSurrogate = (ch: string) => /[\uDC00-\uDFFF]/.test(ch);

/**
 * A surname or given name alone is masked only where it stands as a word: 青葉 in 「青葉さん」
 * 「青葉が」, not in 青葉区, 仙台市青葉区 or 青葉通り, where the same characters are part of a place
 * name. A kanji or katakana name part followed by kanji or katakana (other than an honorific)
 * continues a word (スズキ自動車); katakana and Latin parts must not touch a letter of their own
 * script before them either, nor Latin ones after.
 */
function wordBounded(part: string, body: string): string {
  const last = Array.from(part).at(-1) ?? '';
  const first = Array.from(part)[0] ?? '';
  let before = '';
  let after = '';
  if (/[\p{Script=Han}\p{Script=Katakana}]/u.test(last)) after = '(?![\\p{Script=Han}\\p{Script=Katakana}々〆ヶー](?<![様氏殿君]))';
  else if (/[\p{Script=Latin}\p{N}]/u.test(last)) after = '(?![\\p{Script=Latin}\\p{N}])';
  if (/\p{Script=Katakana}/u.test(first)) before = '(?<![\\p{Script=Katakana}ー])';
  else if (/[\p{Script=Latin}\p{N}]/u.test(first)) before = '(?<![\\p{Script=Latin}\\p{N}])';
  return `${before}${body}${after}`;
}

type Needle = { needle: string; namePart: boolean };

/** What to look for literally: whole values and their parts long enough to identify someone. */
function literalNeedles(v: PartyValues): Needle[] {
  const out = new Map<string, boolean>();
  const add = (s: string, namePart = false) => {
    const t = s.replace(/\s+/gu, '');
    // A whole value always masks; the same text as a mere name part masks only as a word.
    if (Array.from(t).length >= 2) out.set(t, (out.get(t) ?? true) && namePart);
  };
  for (const n of v.names) {
    add(n);
    const parts = n.split(/\s+/u).filter(Boolean);
    if (parts.length > 1) for (const part of parts) add(part, true);
  }
  for (const a of v.addresses) {
    // Each part after a prefecture, city, ward or town is still the address written shorter
    // (「本町3-8-1」 alone); a part must hold a number or be long enough to name a place.
    const whole = a.replace(/\s+/gu, '');
    add(whole);
    for (const m of whole.matchAll(/[都道府県市区町村郡]/gu)) {
      const rest = whole.slice(m.index + 1);
      if (/\d/.test(rest.normalize('NFKC')) ? rest.length >= 3 : rest.length >= 4) add(rest);
    }
  }
  for (const p of v.phones) if (!p.startsWith('+')) add(p);
  for (const n of v.accountNumbers) add(n);
  // Longer first, so a name is masked whole before its parts.
  return [...out].map(([needle, namePart]) => ({ needle, namePart })).sort((a, b) => b.needle.length - a.needle.length);
}
