import { MAX_EXTRACT_CHARS } from './extract.types.js';

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
// …and after it a lower-case letter or a digit (before a capital the full stop ends a sentence):
// the lookahead of MAY_FOLD below.

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
 * Where a unit may change: the unconditional folds, and the two look-alikes only where the next
 * unit allows (a length mark before a digit, a full stop before a host letter), which in Japanese
 * prose is almost never. A class-led pattern finds them several times faster than a loop reading
 * every unit from JavaScript.
 */
const MAY_FOLD =
  /[\uff01-\uff5e\u3000\u2010-\u2015\u2212\ufe63]+|[\u30fc\uff70](?=[0-9\uff10-\uff19])|[\u3002\uff61](?=[0-9a-z\uff10-\uff19\uff41-\uff5a])/g;

/**
 * The changes are written into a native UTF-16 copy of the text, decoded once: joining the
 * unchanged stretches and the folded units as strings costs several times more, and a replace
 * callback per full-width bracket more than all the detectors' scans. A text with nothing to fold
 * is returned as it is. (A neighbour is read after its own folding: a full-width digit is a
 * digit either way, and a dash look-alike before a full stop is the hyphen it folds to.)
 */
export function foldForScan(text: string): string {
  let buf: Buffer | undefined;
  let u: Uint16Array | undefined;
  MAY_FOLD.lastIndex = 0;
  for (let m = MAY_FOLD.exec(text); m; m = MAY_FOLD.exec(text)) {
    const i = m.index;
    let f = FOLD[text.charCodeAt(i)] as number;
    if (f === DASH_BETWEEN_DIGITS) {
      if (!(i > 0 && isDigit(text.charCodeAt(i - 1)))) continue;
      f = 0x2d;
    } else if (f === DOT_BETWEEN_HOST_LETTERS) {
      const before = i > 0 ? text.charCodeAt(i - 1) : 0;
      const folded = FOLD[before] as number;
      if (!isHostBefore(folded > DOT_BETWEEN_HOST_LETTERS ? folded : before)) continue;
      f = 0x2e;
    }
    if (!u) {
      buf = utf16Copy(text);
      u = new Uint16Array(buf.buffer, buf.byteOffset, text.length);
    }
    u[i] = f;
    // A run of unconditional folds (ｈｔｔｐｓ：／／) comes as one match.
    for (let j = i + 1; j < i + m[0].length; j++) u[j] = FOLD[text.charCodeAt(j)] as number;
  }
  return buf ? buf.toString('utf16le', 0, text.length * 2) : text;
}

/**
 * The text's UTF-16 units in a buffer kept for the next text (grown to the longest seen):
 * megabytes of fresh memory for every text cost more in page faults than the copy itself. Only
 * up to MAX_EXTRACT_CHARS (20 MB) is kept; a longer text gets a buffer of its own, dropped with
 * it, so one outsized paste does not hold its size for the life of the process.
 */
let scratch = Buffer.alloc(0);
/** The size of the kept buffer, for tests. */
export const keptFoldBytes = (): number => scratch.length;
function utf16Copy(text: string): Buffer {
  const keep = text.length <= MAX_EXTRACT_CHARS;
  if (keep && scratch.length < text.length * 2) scratch = Buffer.allocUnsafeSlow(text.length * 2);
  const buf = keep ? scratch : Buffer.allocUnsafeSlow(text.length * 2);
  buf.write(text, 0, 'utf16le');
  return buf;
}

/** Katakana for comparing holder names: full-width, small kana written large as banks do (ｷﾕｳ). */
export function halfwidthKatakana(s: string): string {
  return s.normalize('NFKC');
}
