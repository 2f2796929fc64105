import type { ReactNode } from 'react';

/** [start, end) offsets into the text. */
export type Marks = readonly (readonly [number, number])[];

/** The words the search matched, in the text: each as a <mark>. Overlapping or stray offsets are tolerated. */
export function MarkedText({ text, marks }: { text: string; marks: Marks }) {
  const clamp = (n: number) => Math.max(0, Math.min(n, text.length));
  const sorted = marks
    .map(([start, end]) => [clamp(start), clamp(end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const parts: ReactNode[] = [];
  let pos = 0;
  for (const [start, end] of sorted) {
    if (end <= pos) continue;
    const from = Math.max(start, pos);
    if (from > pos) parts.push(text.slice(pos, from));
    parts.push(
      <mark key={from} style={{ backgroundColor: 'var(--mantine-color-yellow-2)', color: 'inherit', padding: '0 1px' }}>
        {text.slice(from, end)}
      </mark>,
    );
    pos = end;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return <>{parts}</>;
}

/** Where the words of a keyword search occur in a text (case-insensitive), for the 件名 column. */
export function termMarks(text: string, q: string | undefined): Marks {
  const terms = (q ?? '').split(/[\s\u3000]+/).filter((term) => term.length > 0);
  const haystack = text.toLowerCase();
  const marks: [number, number][] = [];
  for (const term of terms) {
    const needle = term.toLowerCase();
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      marks.push([at, at + needle.length]);
    }
  }
  return marks;
}
