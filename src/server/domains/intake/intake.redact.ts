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
  for (const needle of literalNeedles(v)) {
    const re = new RegExp(Array.from(needle).map(charClass).join('\\s*'), 'gu');
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

/** What to look for literally: whole values and their parts long enough to identify someone. */
function literalNeedles(v: PartyValues): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    const t = s.replace(/\s+/gu, '');
    if (Array.from(t).length >= 2) out.add(t);
  };
  for (const n of v.names) {
    add(n);
    for (const part of n.split(/\s+/u)) add(part);
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
  return [...out].sort((a, b) => b.length - a.length);
}
