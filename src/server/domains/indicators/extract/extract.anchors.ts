/**
 * Where a pattern can match, found cheaply, so that it is tried only there. A global pattern run
 * over the whole text pays a few nanoseconds at every position; over megabytes of prose and logs
 * that is most of the time spent, while the places worth a look are a few thousand.
 */

/** A set of ASCII characters, as a table. */
export function asciiClass(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const ALNUM = asciiClass(DIGITS + LETTERS);

/**
 * Maximal runs of characters of `cls` at least `min` long, as [start, end, start, end, …].
 * Such a run covers one of every `min` consecutive positions, so only those are read until one
 * is in the class; then that run is read whole. Each character is read at most twice.
 */
export function longRuns(s: string, cls: Uint8Array, min: number): number[] {
  const out: number[] = [];
  const inClass = (c: number) => c < 128 && cls[c] === 1;
  let i = min - 1;
  while (i < s.length) {
    if (!inClass(s.charCodeAt(i))) {
      i += min;
      continue;
    }
    let a = i;
    while (a > 0 && inClass(s.charCodeAt(a - 1))) a--;
    let b = i + 1;
    while (b < s.length && inClass(s.charCodeAt(b))) b++;
    if (b - a >= min) out.push(a, b);
    i = b + min;
  }
  return out;
}

/** A global pattern with its sticky form, for Anchored. */
export interface Anchorable {
  global: RegExp;
  sticky: RegExp;
}

export const anchorable = (re: RegExp): Anchorable => ({ global: re, sticky: new RegExp(re.source, `${re.flags.replace('g', '')}y`) });

/**
 * Off only in tests: every Anchored then runs its global pattern over the whole text, the
 * straightforward way, so that tests can compare the two on any text.
 */
export const anchoring = { on: true };

/**
 * A global pattern's `exec`, tried only at `at` (every `stride`-th entry: ascending positions
 * holding every place where a match can start) with its sticky form: the leftmost match from
 * `lastIndex` is the first candidate from there that matches, the very match `exec` on the whole
 * text returns. Callers move `lastIndex` as they would on the pattern itself.
 */
export class Anchored {
  lastIndex = 0;
  private k = 0;

  constructor(
    private readonly pattern: Anchorable,
    private readonly s: string,
    private readonly at: ArrayLike<number>,
    private readonly stride = 1,
  ) {}

  exec(): RegExpExecArray | null {
    if (!anchoring.on) return this.execWhole();
    const { at, stride } = this;
    const re = this.pattern.sticky;
    const n = at.length;
    // lastIndex moves back at most to just after a match's start: step back, then forward.
    while (this.k > 0 && (at[this.k - stride] as number) >= this.lastIndex) this.k -= stride;
    while (this.k < n && (at[this.k] as number) < this.lastIndex) this.k += stride;
    for (; this.k < n; this.k += stride) {
      re.lastIndex = at[this.k] as number;
      const m = re.exec(this.s);
      if (m) {
        this.k += stride;
        this.lastIndex = m.index + m[0].length;
        return m;
      }
    }
    this.lastIndex = 0;
    return null;
  }

  private execWhole(): RegExpExecArray | null {
    const re = this.pattern.global;
    re.lastIndex = this.lastIndex;
    const m = re.exec(this.s);
    this.lastIndex = re.lastIndex;
    return m;
  }
}
