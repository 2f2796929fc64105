/**
 * Hosts written to deceive: a Latin name with one Cyrillic or Greek letter in it (gооgle.com),
 * or an invisible character (a zero-width space) that makes a long host read as a benign one.
 * The scanners take such hosts whole; this file strips the invisible characters, says which
 * tricks a host uses (after UTS #39: mixed scripts in one label, a label that is a look-alike
 * of a Latin one) and names the Latin host it imitates, so the officer sees it at once.
 */

/** Characters that render as nothing: never part of a host, never a reason to cut one. */
export const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const INVISIBLE_ONE = /^[\u00AD\u200B-\u200D\u2060\uFEFF]$/;

export const isInvisible = (ch: string): boolean => INVISIBLE_ONE.test(ch);

/**
 * Letters of alphabetic scripts that appear in host labels beside ASCII. Japanese (Han, kana)
 * is not among them on purpose: Japanese glued to an ASCII host is prose (「example.comにアクセス」).
 */
const WESTERN = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{M}]$/u;

export const isWesternLetter = (ch: string): boolean => ch.charCodeAt(0) > 0x7f && WESTERN.test(ch);

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A host with Japanese letters (日本語.jp): its path may be Japanese too. */
export const hasJapanese = (s: string): boolean => JAPANESE.test(s);

/**
 * Letters of other scripts that look like a Latin letter (a subset of Unicode's confusables.txt,
 * the lower-case letters that occur in host names, which are lower-cased before this runs).
 */
const LOOKALIKE: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  ь: 'b',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  п: 'n',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  г: 'r',
  ѕ: 's',
  т: 't',
  и: 'u',
  ѵ: 'v',
  ԝ: 'w',
  х: 'x',
  у: 'y',
  ү: 'y',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  // Latin letters that pass for others
  ı: 'i',
  ɡ: 'g',
  ɑ: 'a',
  ʟ: 'l',
  ɩ: 'i',
};

type Script = 'latin' | 'cyrillic' | 'greek' | 'japanese' | 'other';

function scriptOf(ch: string): Script | null {
  if (/[0-9-]/.test(ch)) return null;
  if (/\p{Script=Latin}/u.test(ch)) return 'latin';
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'cyrillic';
  if (/\p{Script=Greek}/u.test(ch)) return 'greek';
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u.test(ch)) return 'japanese';
  if (/\p{M}/u.test(ch)) return null;
  return 'other';
}

/** Latin with Japanese is an ordinary Japanese host name (UTS #39 "highly restrictive"); other mixes are not. */
function mixesScripts(label: string): boolean {
  const scripts = new Set<Script>();
  for (const ch of label) {
    const s = scriptOf(ch);
    if (s) scripts.add(s);
  }
  scripts.delete('japanese');
  return scripts.size > 1;
}

/** The Latin host a label imitates, or null when it imitates none (UTS #39 skeleton, narrowed). */
function skeleton(host: string): string {
  let out = '';
  for (const ch of host.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    out += LOOKALIKE[ch] ?? ch;
  }
  return out;
}

const ASCII_ONLY = /^[\x20-\x7e]*$/;

export interface HostReading {
  /** The host without its invisible characters, as written (Unicode). */
  host: string;
  /** What deceives in it; absent for an honest host. */
  attributes?: Record<string, string>;
}

/** Read a host as the scanners found it: strip invisible characters and name what deceives. */
export function readHost(raw: string): HostReading {
  // Nearly every host is plain ASCII: nothing can deceive in it, so nothing to look at.
  if (ASCII_ONLY.test(raw)) return { host: raw };
  const host = raw.replace(INVISIBLE, '');
  const flags: string[] = [];
  if (host.length !== raw.length) flags.push('invisible_character');
  const lower = host.toLowerCase();
  if (lower.split('.').some(mixesScripts)) flags.push('mixed_script');
  // A non-ASCII host that reads as a plain ASCII one imitates it, whether its labels mix or not.
  const look = skeleton(lower);
  const imitates = /[^\p{ASCII}]/u.test(lower) && /^[\x21-\x7e]+$/.test(look) && look !== lower;
  if (imitates && !flags.includes('mixed_script')) flags.push('confusable');
  if (flags.length === 0) return { host };
  return {
    host,
    attributes: {
      suspicious: flags.join(','),
      ...(host !== raw || /[^\p{ASCII}]/u.test(host) ? { unicode: host } : {}),
      ...(imitates ? { lookalike: look } : {}),
    },
  };
}
