/**
 * Japanese full-text search without a dictionary: text is cut into runs of letters and digits
 * (any script: kanji, kana, Latin, numbers); each run becomes overlapping character bigrams plus
 * its last character alone. The same cut is applied to documents and queries, so a query's
 * tokens appearing consecutively in a document means the query appears there: two-character
 * words (詐欺, 口座) are found, which trigram indexes miss, and so is any part of a word or number.
 * One pass over the text, no backtracking: linear time.
 */
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Tokens in document order. */
export function bigramTokens(text: string): string[] {
  const out: string[] = [];
  const chars = Array.from(normaliseForSearch(text));
  let i = 0;
  while (i < chars.length) {
    if (!TOKEN_CHAR.test(chars[i] as string)) {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && TOKEN_CHAR.test(chars[j] as string)) j++;
    for (let k = i; k + 1 < j; k++) out.push((chars[k] as string) + (chars[k + 1] as string));
    out.push(chars[j - 1] as string);
    i = j;
  }
  return out;
}

/**
 * A query: whitespace separates terms that must all appear; each term is a phrase of its tokens.
 * When a term ends in a single character (「欺」, 「詐」詐」), that last token is a prefix: in the
 * document the character may go on into a longer run.
 */
export interface SearchTerm {
  tokens: string[];
  /** The last token matches any token it begins. */
  prefix: boolean;
}

export function parseQuery(q: string, maxTerms = 8): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const part of normaliseForSearch(q).split(/\s+/u)) {
    const tokens = bigramTokens(part);
    if (tokens.length === 0) continue;
    const chars = Array.from(part);
    const last = chars.length - 1;
    // Find whether the final run of the term is longer than one character.
    let k = last;
    while (k >= 0 && !TOKEN_CHAR.test(chars[k] as string)) k--;
    const finalRunLong = k >= 1 && TOKEN_CHAR.test(chars[k - 1] as string);
    // A final run of two or more: its bigrams cover its last character, and the run may go on
    // in the document, so its closing unigram is dropped. A final run of one: a prefix.
    // A lone Latin letter or digit would be a prefix of the index's own access and bucket tokens
    // (acco…, seqw…) and so match nearly every record: it is no search term.
    if (!finalRunLong && tokens.length === 1 && /^[a-z0-9]$/.test(tokens[0] as string)) continue;
    terms.push(finalRunLong ? { tokens: tokens.slice(0, -1), prefix: false } : { tokens, prefix: true });
    if (terms.length >= maxTerms) break;
  }
  return terms;
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
