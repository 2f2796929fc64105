/**
 * A scanning copy of the text with full-width ASCII folded to ASCII, ideographic spaces to
 * spaces and dash look-alikes to '-'. Every replacement is one UTF-16 unit for one, so an
 * offset in the copy is the same offset in the original: hits keep exact raw spans for free.
 */
const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
/** A character a host name may hold, before the ideographic full stop that defangs its dot. */
const isHostBefore = (c: number) =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  c === 0x2d ||
  (c >= 0xff10 && c <= 0xff19) ||
  (c >= 0xff21 && c <= 0xff3a) ||
  (c >= 0xff41 && c <= 0xff5a) ||
  c === 0xff0d;
/** …and after it: a lower-case letter or a digit (before a capital the full stop ends a sentence). */
const isHostAfter = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff10 && c <= 0xff19) || (c >= 0xff41 && c <= 0xff5a);

const DASH_BETWEEN_DIGITS = 1;
const DOT_BETWEEN_HOST_LETTERS = 2;
/** Per UTF-16 unit: 0 unchanged, the folded unit, or a rule that looks at the neighbours. */
const FOLD = new Uint16Array(0x10000);
for (let c = 0xff01; c <= 0xff5e; c++) FOLD[c] = c - 0xfee0;
FOLD[0x3000] = 0x20;
for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63]) FOLD[c] = 0x2d;
// ー and ｰ are katakana length marks in names; they are hyphens only between digits.
FOLD[0x30fc] = DASH_BETWEEN_DIGITS;
FOLD[0xff70] = DASH_BETWEEN_DIGITS;
// evil。example。com: an ideographic full stop between host letters is a dot written to defang
// (or by a Japanese input method).
FOLD[0x3002] = DOT_BETWEEN_HOST_LETTERS;
FOLD[0xff61] = DOT_BETWEEN_HOST_LETTERS;

/**
 * One pass over a native UTF-16 copy of the text with a table, changing units in place, decoded
 * once. A replace callback per full-width bracket would cost more than all the detectors' scans.
 * (Neighbours are read after their own folding: a full-width digit is a digit either way.)
 */
export function foldForScan(text: string): string {
  const buf = Buffer.from(text, 'utf16le');
  const u = new Uint16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
  let changed = false;
  for (let i = 0; i < u.length; i++) {
    let f = FOLD[u[i] as number] as number;
    if (f === 0) continue;
    if (f === DASH_BETWEEN_DIGITS) {
      if (!(isDigit(u[i - 1] ?? 0) && isDigit(u[i + 1] ?? 0))) continue;
      f = 0x2d;
    } else if (f === DOT_BETWEEN_HOST_LETTERS) {
      if (!(isHostBefore(u[i - 1] ?? 0) && isHostAfter(u[i + 1] ?? 0))) continue;
      f = 0x2e;
    }
    u[i] = f;
    changed = true;
  }
  return changed ? buf.toString('utf16le') : text;
}

/** Katakana for comparing holder names: full-width, small kana written large as banks do (ｷﾕｳ). */
export function halfwidthKatakana(s: string): string {
  return s.normalize('NFKC');
}
