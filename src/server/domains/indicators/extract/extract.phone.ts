import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { asCandidate, type Hit, hit, once, type Scan, skipTaken } from './extract.types.js';

/**
 * Phone numbers in any notation people use (０９０－１２３４－５６７８, 03(1234)5678, +81 90…,
 * 81-90-…), validated by libphonenumber-js and stored as E.164. Candidates are digit groups with
 * single separators; what they are is decided with the words around them.
 */
const CANDIDATE = /(?<![\w.\-/+])(?:\+|00|010)?\d(?:[\d]|[ \-.()](?=[\d(])|\((?=\d)|\)(?=[\s\-\d])){6,22}\d(?![\w\-/]|\.\d)/g;

/** Words just before a number that say it is something else. */
const NOT_PHONE =
  /(?:注文(?:番号)?|伝票(?:番号)?|追跡(?:番号)?|問い?合わせ番号|受付番号|会員(?:番号)?|口座(?:番号)?|法人(?:番号)?|整理(?:番号)?|管理(?:番号)?|契約(?:番号)?|請求(?:番号)?|顧客(?:番号)?|商品(?:番号)?|品番|型番|郵便(?:番号)?|〒|ID|No\.?|記号|店番|カード番号|日時|日付)\s*[:：#]?\s*$/i;
/** 2024-05-09 15:30 and 2024/5/9 are dates, whatever libphonenumber thinks of the digits. */
const DATE_LIKE = /^(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}/;
/** Words near a bare digit string that say it is a phone number. */
const PHONE_CONTEXT = /(?:電話|TEL|Tel|tel|☎|携帯|連絡先|着信|SMS|ショートメール|コール|ダイヤル|フリーダイヤル|番号|call|phone)/;

/** Digits a Japanese number has by its prefix (総務省's numbering plan, as domain-enums lists it). */
function wrongJpLength(national: string): boolean {
  if (/^0(?:[5-9]0|20|800)/.test(national)) return national.length !== 11 && !(national.startsWith('020') && national.length === 14);
  return national.length !== 10;
}

export function extractPhones(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(s); m; m = CANDIDATE.exec(s)) {
    if (skipTaken(scan, CANDIDATE, m.index)) continue; // inside an earlier hit: dropped anyway
    let raw = m[0];
    let start = m.index;
    // A leading '(' is part of the number only when it closes later: (03)1234-5678.
    if (raw.startsWith('(') && !raw.includes(')')) {
      raw = raw.slice(1);
      start++;
    }
    if (DATE_LIKE.test(raw)) continue;
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 10 || digits.length > 15) continue;
    const before = s.slice(Math.max(0, start - 14), start);
    if (NOT_PHONE.test(before)) continue;
    const separated = /[\s\-.()]/.test(raw) || raw.startsWith('+');
    if (!separated && !PHONE_CONTEXT.test(s.slice(Math.max(0, start - 16), start + raw.length + 10))) continue;
    let input = raw;
    if (raw.startsWith('010')) input = `+${raw.slice(3)}`;
    else if (raw.startsWith('00')) input = `+${raw.slice(2)}`;
    else if (/^81[\s-]?[1-9]/.test(raw) && !raw.startsWith('0')) input = `+${raw}`;
    // A Japanese number written nationally always starts with the trunk prefix 0.
    if (!input.startsWith('+') && !input.startsWith('0')) continue;
    const p = once(scan, 'phone', input, () => {
      const n = parsePhoneNumberFromString(input, 'JP');
      return n?.isValid() ? { number: n.number as string, country: n.country ?? '', type: n.getType() } : null;
    });
    if (!p) {
      // 090-1234-567: written as a phone number, next to a word saying so, with a digit too few or
      // too many. Shown to the officer to correct, never stored as a number.
      if (separated && !input.startsWith('+') && wrongJpLength(digits) && PHONE_CONTEXT.test(s.slice(Math.max(0, start - 16), start))) {
        const value = `+81${digits.slice(1)}`;
        out.push(asCandidate(hit('phone', value, scan, start, start + raw.length, false), 'malformed', ['phone_length']));
      }
      continue;
    }
    out.push(
      hit('phone', p.number, scan, start, start + raw.length, false, { country: p.country, ...(p.type ? { lineType: p.type } : {}) }),
    );
  }
}
