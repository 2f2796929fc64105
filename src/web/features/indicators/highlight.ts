/**
 * Hits may nest (a URL contains its domain) or, rarely, cross. The text becomes a tree of spans:
 * a hit inside another is drawn inside it; a hit that runs past the end of the one it starts in
 * is cut there and continues as a second fragment (`continued`).
 */
export type HighlightNode =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'hit'; hitIndex: number; start: number; end: number; continued: boolean; children: HighlightNode[] };

interface Fragment {
  hitIndex: number;
  start: number;
  end: number;
  continued: boolean;
}

/** Earlier first; at the same start the longer one first (it becomes the parent). */
const order = (a: Fragment, b: Fragment) => a.start - b.start || b.end - a.end || a.hitIndex - b.hitIndex;

function insertSorted(list: Fragment[], item: Fragment): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid] as Fragment, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

/** Lay out fragments (sorted, all inside [from, to)) as siblings, each with its nested ones. */
function layout(from: number, to: number, fragments: Fragment[]): HighlightNode[] {
  const out: HighlightNode[] = [];
  const queue = fragments;
  let pos = from;
  let next = 0;
  while (next < queue.length) {
    const parent = queue[next++] as Fragment;
    if (parent.start > pos) out.push({ kind: 'text', start: pos, end: parent.start });
    const inner: Fragment[] = [];
    while (next < queue.length && (queue[next] as Fragment).start < parent.end) {
      const child = queue[next++] as Fragment;
      if (child.end <= parent.end) inner.push(child);
      else {
        inner.push({ ...child, end: parent.end });
        // The rest starts where the parent ends, so it sorts after everything taken here.
        insertSorted(queue, { ...child, start: parent.end, continued: true });
      }
    }
    inner.sort(order);
    out.push({
      kind: 'hit',
      hitIndex: parent.hitIndex,
      start: parent.start,
      end: parent.end,
      continued: parent.continued,
      children: layout(parent.start, parent.end, inner),
    });
    pos = parent.end;
  }
  if (pos < to) out.push({ kind: 'text', start: pos, end: to });
  return out;
}

/** The span tree of a text of `length` UTF-16 units; hits outside the text or empty are ignored. */
export function buildHighlightTree(length: number, hits: readonly { start: number; end: number }[]): HighlightNode[] {
  const clamp = (n: number) => Math.min(Math.max(n, 0), length);
  const fragments = hits
    .map((hit, hitIndex) => ({ hitIndex, start: clamp(hit.start), end: clamp(hit.end), continued: false }))
    .filter((fragment) => fragment.end > fragment.start)
    .sort(order);
  return layout(0, length, fragments);
}
