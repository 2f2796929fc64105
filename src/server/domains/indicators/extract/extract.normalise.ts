/**
 * A scanning copy of the text with full-width ASCII folded to ASCII, ideographic spaces to
 * spaces and dash look-alikes to '-'. Every replacement is one UTF-16 unit for one, so an
 * offset in the copy is the same offset in the original: hits keep exact raw spans for free.
 */
const FOLD = /[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212\u30FC\uFF70\uFE63\uFF0D\u3002\uFF61]/g;

const isDigitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
};

/** The ASCII character at `i` after folding, as a code (full-width letters and digits count). */
const asciiAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
};
const isHostChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d;
const isLowerOrDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

export function foldForScan(text: string): string {
  return text.replace(FOLD, (ch: string, offset: number) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
    if (c === 0x3000) return ' ';
    // evil。example。com: an ideographic full stop between host letters is a dot written to defang
    // (or by a Japanese input method). Before a capital or Japanese it ends a sentence.
    if (c === 0x3002 || c === 0xff61) return isHostChar(asciiAt(text, offset - 1)) && isLowerOrDigit(asciiAt(text, offset + 1)) ? '.' : ch;
    // ー and ｰ are katakana length marks in names; they are hyphens only between digits.
    if (c === 0x30fc || c === 0xff70) return isDigitAt(text, offset - 1) && isDigitAt(text, offset + 1) ? '-' : ch;
    return '-';
  });
}

/** Katakana for comparing holder names: full-width, small kana written large as banks do (ｷﾕｳ). */
export function halfwidthKatakana(s: string): string {
  return s.normalize('NFKC');
}
