import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { valueText } from '../../../contracts/indicators.display.js';
import { valueAttributes } from './indicators.display.js';

/**
 * Search by any way of writing a value. A record's search text gains, for each of its indicators,
 * the canonical form and the forms people type (a phone's digits alone, an account with its bank
 * and branch names, a host in Unicode); a query's phone numbers and defanged URLs are rewritten
 * into those same forms before it is cut into bigrams. So 09012345678, 090-1234-5678,
 * ０９０－１２３４－５６７８ and +81 90 1234 5678 all find a record that wrote any of them.
 */

/** A phone's digits as searched: national (09012345678) for Japan, E.164 without + otherwise. */
function phoneDigits(e164: string): string[] {
  const p = parsePhoneNumberFromString(e164);
  if (!p) return [e164.replace(/\D/g, '')];
  const intl = p.number.replace(/\D/g, '');
  return p.countryCallingCode === '81' ? [`0${p.nationalNumber}`, intl] : [intl];
}

/** The texts to index for one indicator of a record. */
export function searchForms(type: string, value: string): string[] {
  const attrs = valueAttributes(type, value);
  const forms = [value];
  // The forms people write: 090-1234-5678, 三菱UFJ銀行 新宿支店 普通 1234567 (URLs are defanged there: no use).
  if (type === 'phone' || type === 'bankAccount' || type === 'social') forms.push(valueText(type, value, attrs));
  if (type === 'phone') forms.push(...phoneDigits(value));
  if (attrs.unicode) forms.push(attrs.unicode);
  return [...new Set(forms)];
}

/** Defanged notation back to what it stands for: hxxps → https, [.] → ., [at] → @. */
function refang(q: string): string {
  return q
    .replace(/\bh(?:xx|\*\*|XX)p(s?)(?=(?:\[:\]|:)\/\/)/gi, 'http$1')
    .replace(/\[:\]/g, ':')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.')
    .replace(/\[@\]|\[at\]|\(at\)/gi, '@');
}

/** Digits with the separators people put in phone numbers, starting as a number may. */
const PHONE_LIKE =
  /(?<![\d])(?:\+|00|0)\d(?:[\d]|[ \-.()](?=[\d(])|\((?=\d)|\)(?=[\s\-\d])){7,20}\d(?!\d)|(?<![\d])81[ -]?\d(?:[\d]|[ -](?=\d)){7,16}\d(?!\d)/g;

/** A query with its phone numbers in searched form and defanged values refanged (after NFKC). */
export function normaliseSearchQuery(q: string): string {
  const s = refang(q.normalize('NFKC'));
  return s.replace(PHONE_LIKE, (raw) => {
    const digits = raw.replace(/\D/g, '');
    const input = raw.startsWith('+') ? raw : raw.startsWith('00') ? `+${digits.slice(2)}` : raw.startsWith('81') ? `+${digits}` : raw;
    const p = parsePhoneNumberFromString(input, 'JP');
    if (!p?.isValid()) return raw;
    return phoneDigits(p.number)[0] as string;
  });
}
