/**
 * Japanese full-text search without a dictionary: text is cut into runs of Japanese script
 * (kanji, kana) and runs of letters/digits. A Japanese run becomes overlapping character
 * bigrams plus its last character alone; a letter/digit run stays one word. The same cut is
 * applied to documents and queries, so a query's tokens appearing consecutively in a document
 * means the query appears there: two-character words (詐欺, 口座) are found, which trigram
 * indexes miss. One pass over the text, no backtracking: linear time.
 */
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]/u;
const WORD = /[\p{L}\p{N}]/u;
/** Longer letter/digit runs are cut: nobody searches for a 200-character token. */
const MAX_WORD = 64;

export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Tokens in document order. */
export function bigramTokens(text: string): string[] {
  const out: string[] = [];
  const chars = Array.from(normaliseForSearch(text));
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (JAPANESE.test(c)) {
      let j = i;
      while (j < chars.length && JAPANESE.test(chars[j] as string)) j++;
      for (let k = i; k + 1 < j; k++) out.push((chars[k] as string) + (chars[k + 1] as string));
      out.push(chars[j - 1] as string);
      i = j;
    } else if (WORD.test(c)) {
      let j = i;
      while (j < chars.length && WORD.test(chars[j] as string) && !JAPANESE.test(chars[j] as string)) j++;
      out.push(chars.slice(i, Math.min(j, i + MAX_WORD)).join(''));
      i = j;
    } else i++;
  }
  return out;
}

/**
 * A query: whitespace separates terms that must all appear; each term is a phrase of its tokens.
 * A single Japanese character is a prefix term (it may be the first half of any bigram).
 */
export interface SearchTerm {
  tokens: string[];
  prefix: boolean;
}

export function parseQuery(q: string, maxTerms = 8): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const part of normaliseForSearch(q).split(/\s+/u)) {
    if (!part) continue;
    const tokens = bigramTokens(part);
    if (tokens.length === 0) continue;
    const single = Array.from(part).length === 1 && JAPANESE.test(part);
    terms.push({ tokens: single ? [part] : dropTrailingUnigram(part, tokens), prefix: single });
    if (terms.length >= maxTerms) break;
  }
  return terms;
}

/**
 * A query ending in a Japanese run would otherwise demand that run end there in the document too
 * ("詐欺" would not match "詐欺被害"); its last bigram already covers the final character.
 */
function dropTrailingUnigram(part: string, tokens: string[]): string[] {
  const chars = Array.from(part);
  const last = chars[chars.length - 1] as string;
  const prev = chars[chars.length - 2];
  if (tokens.length > 1 && JAPANESE.test(last) && prev !== undefined && JAPANESE.test(prev)) return tokens.slice(0, -1);
  return tokens;
}

/** Where the terms occur in `text`, as [start, end) offsets into the original string. */
export function findMatches(text: string, q: string, max = 20): [number, number][] {
  // Map each normalised character back to the original offset it came from.
  const norm: string[] = [];
  const origin: number[] = [];
  let off = 0;
  for (const ch of text) {
    for (const n of normaliseForSearch(ch)) {
      norm.push(n);
      origin.push(off);
    }
    off += ch.length;
  }
  origin.push(off);
  const hay = norm.join('');
  // Offsets in `hay` are UTF-16; convert through the per-character arrays.
  const utf16ToIdx: number[] = [];
  norm.forEach((n, idx) => {
    for (let k = 0; k < n.length; k++) utf16ToIdx.push(idx);
  });
  utf16ToIdx.push(norm.length);
  const marks: [number, number][] = [];
  for (const term of normaliseForSearch(q).split(/\s+/u).filter(Boolean)) {
    let from = 0;
    while (marks.length < max) {
      const at = hay.indexOf(term, from);
      if (at < 0) break;
      const s = origin[utf16ToIdx[at] as number] as number;
      const e = origin[utf16ToIdx[at + term.length] as number] as number;
      marks.push([s, e]);
      from = at + term.length;
    }
  }
  return marks.sort((a, b) => a[0] - b[0]);
}

/** A window of text around the first match, with the marks shifted into it. */
export function snippet(text: string, q: string, width = 120): { text: string; marks: [number, number][] } {
  const marks = findMatches(text, q);
  const first = marks[0];
  if (!first) return { text: text.slice(0, width), marks: [] };
  const start = Math.max(0, first[0] - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  const pre = start > 0 ? '…' : '';
  const post = end < text.length ? '…' : '';
  return {
    text: pre + text.slice(start, end) + post,
    marks: marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s - start + pre.length, e - start + pre.length]),
  };
}
