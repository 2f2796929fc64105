import { type ExtractOptions, extract } from './extract.js';
import type { Hit } from './extract.types.js';

/**
 * Long texts (a pasted mailbox, a log) are extracted a slice at a time, giving the event loop
 * back between slices, so one officer's megabyte does not stall everyone else's requests.
 * A slice ends at a blank line, which no indicator crosses (a mail-wrapped URL continues on
 * the very next line); a text with no blank line near the mark is cut at the next one further on.
 */
export const SLICE_CHARS = 64 * 1024;

export function sliceEnds(text: string, size = SLICE_CHARS): number[] {
  const ends: number[] = [];
  let from = 0;
  while (text.length - from > size) {
    const blank = text.indexOf('\n\n', from + size);
    if (blank < 0) break;
    ends.push(blank + 1);
    from = blank + 1;
  }
  ends.push(text.length);
  return ends;
}

const yieldToEventLoop = () => new Promise<void>((res) => setImmediate(res));

export async function extractInSlices(text: string, size = SLICE_CHARS, opts: ExtractOptions = {}): Promise<Hit[]> {
  if (text.length <= size) return extract(text, opts);
  const out: Hit[] = [];
  let from = 0;
  for (const end of sliceEnds(text, size)) {
    const slice = text.slice(from, end);
    for (const h of extract(slice, opts)) out.push({ ...h, start: h.start + from, end: h.end + from });
    from = end;
    await yieldToEventLoop();
  }
  return out;
}
