import zengin from 'zengin-code';
import { type Hit, hit, type Scan } from './extract.types.js';

/**
 * Japanese bank accounts: bank (by name, from zengin-code), branch (by name or 店番号), type
 * (普通/当座/貯蓄), number and holder, written in any order people use within a sentence or two.
 * Japan Post Bank 記号・番号 become branch and number as the bank itself converts them.
 */
type Zengin = Record<string, { code: string; name: string; branches: Record<string, { code: string; name: string }> }>;
const banks = zengin as unknown as Zengin;

const nfkc = (s: string) => s.normalize('NFKC');

/** Bank names (and the ways people shorten them) to codes; built once. */
const bankByName = new Map<string, string>();
const branchByName = new Map<string, Map<string, string>>();
for (const b of Object.values(banks)) {
  const n = nfkc(b.name);
  const add = (k: string) => {
    if (!bankByName.has(k)) bankByName.set(k, b.code);
  };
  if (/信金$/.test(n)) {
    add(n);
    add(n.replace(/信金$/, '信用金庫'));
  } else if (/信組$/.test(n)) {
    add(n);
    add(n.replace(/信組$/, '信用組合'));
  } else if (/労金$/.test(n)) {
    add(n);
    add(n.replace(/労金$/, '労働金庫'));
  } else if (/(農協|信連|漁協)$/.test(n)) {
    add(n);
  } else {
    add(`${n}銀行`);
  }
  const m = new Map<string, string>();
  for (const br of Object.values(b.branches)) m.set(nfkc(br.name), br.code);
  branchByName.set(b.code, m);
}
// Names people use that are not (or no longer) the registered one.
for (const [alias, code] of [
  ['三菱UFJ', '0005'],
  ['三菱東京UFJ銀行', '0005'],
  ['MUFG', '0005'],
  ['みずほ', '0001'],
  ['三井住友', '0009'],
  ['SMBC', '0009'],
  ['りそな', '0010'],
  ['ゆうちょ', '9900'],
  ['ゆうちょ銀行', '9900'],
  ['PayPay銀行', '0033'],
  ['ジャパンネット銀行', '0033'],
  ['住信SBIネット銀行', '0038'],
  ['住信SBI', '0038'],
  ['新生銀行', '0397'],
  ['七十七銀行', '0125'],
] as const) {
  bankByName.set(alias, code);
}
const MAX_NAME = Math.max(...[...bankByName.keys()].map((k) => k.length));

const ANCHOR = /銀行|信用金庫|信金|信用組合|信組|労働金庫|労金|農協|ゆうちょ|UFJ|MUFG|SMBC|みずほ|りそな|住信SBI/g;

/** The longest known bank name ending at `end` (the anchor's end), looking back at most MAX_NAME. */
function bankEndingAt(s: string, end: number): { code: string; start: number } | null {
  for (let len = Math.min(MAX_NAME, end); len >= 2; len--) {
    const code = bankByName.get(nfkc(s.slice(end - len, end)));
    if (code) return { code, start: end - len };
  }
  return null;
}

const TYPES: Record<string, string> = { 普通: '1', 普: '1', 総合: '1', 当座: '2', 当: '2', 貯蓄: '4' };

/** Half-width katakana as banks print holder names: small kana written large (キユウ). */
const FULL =
  'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴー';
const HALF = [
  'ｱ',
  'ｱ',
  'ｲ',
  'ｲ',
  'ｳ',
  'ｳ',
  'ｴ',
  'ｴ',
  'ｵ',
  'ｵ',
  'ｶ',
  'ｶﾞ',
  'ｷ',
  'ｷﾞ',
  'ｸ',
  'ｸﾞ',
  'ｹ',
  'ｹﾞ',
  'ｺ',
  'ｺﾞ',
  'ｻ',
  'ｻﾞ',
  'ｼ',
  'ｼﾞ',
  'ｽ',
  'ｽﾞ',
  'ｾ',
  'ｾﾞ',
  'ｿ',
  'ｿﾞ',
  'ﾀ',
  'ﾀﾞ',
  'ﾁ',
  'ﾁﾞ',
  'ﾂ',
  'ﾂ',
  'ﾂﾞ',
  'ﾃ',
  'ﾃﾞ',
  'ﾄ',
  'ﾄﾞ',
  'ﾅ',
  'ﾆ',
  'ﾇ',
  'ﾈ',
  'ﾉ',
  'ﾊ',
  'ﾊﾞ',
  'ﾊﾟ',
  'ﾋ',
  'ﾋﾞ',
  'ﾋﾟ',
  'ﾌ',
  'ﾌﾞ',
  'ﾌﾟ',
  'ﾍ',
  'ﾍﾞ',
  'ﾍﾟ',
  'ﾎ',
  'ﾎﾞ',
  'ﾎﾟ',
  'ﾏ',
  'ﾐ',
  'ﾑ',
  'ﾒ',
  'ﾓ',
  'ﾔ',
  'ﾔ',
  'ﾕ',
  'ﾕ',
  'ﾖ',
  'ﾖ',
  'ﾗ',
  'ﾘ',
  'ﾙ',
  'ﾚ',
  'ﾛ',
  'ﾜ',
  'ﾜ',
  'ｲ',
  'ｴ',
  'ｦ',
  'ﾝ',
  'ｳﾞ',
  'ｰ',
];
export function bankKana(s: string): string {
  let out = '';
  for (const ch of nfkc(s)) {
    const i = FULL.indexOf(ch);
    if (i >= 0) out += HALF[i];
    else if (ch === '（' || ch === '(') out += '(';
    else if (ch === '）' || ch === ')') out += ')';
    else if (/\s/.test(ch)) out += ' ';
    else out += ch;
  }
  return out.replace(/ +/g, ' ').trim();
}

const KATAKANA_RUN = /^[\s:：]*[「『]?\s*((?:[ァ-ヴー･・ｦ-ﾟ]|[（）()]|\s(?=[ァ-ヴｦ-ﾟ]))+)/;

const DELIM = /[\s、,。/（()）「」:：]/;

/** A branch named in the passage: 「店名：〇一八」, 「池袋支店」, 「本店営業部」. */
function findBranchByName(bank: string, w: string): { code: string; end: number } | null {
  const names = branchByName.get(bank);
  if (!names) return null;
  const lookup = (n: string) => names.get(nfkc(n)) ?? names.get(nfkc(n).replace(/(?:支店|出張所|支所)$/, ''));
  const label = /(?:支店名|店名)\s*[:：]?\s*([^\s、,。/（(]+)/.exec(w);
  if (label) {
    const code = lookup(label[1] as string);
    if (code) return { code, end: label.index + label[0].length };
  }
  const suffix = /支店|出張所|営業部|支所|店/g;
  for (let m = suffix.exec(w); m; m = suffix.exec(w)) {
    let from = m.index;
    while (from > 0 && m.index - from < 12 && !DELIM.test(w[from - 1] as string)) from--;
    const word = w.slice(from, m.index);
    // Try the whole word, then drop leading characters that belong to the bank or a particle.
    for (let k = 0; k < word.length; k++) {
      const stem = word.slice(k);
      const code = names.get(nfkc(stem)) ?? names.get(nfkc(stem + m[0])) ?? names.get(nfkc(`${stem}${m[0]}`).replace(/支店$/, ''));
      if (code) return { code, end: m.index + m[0].length };
    }
  }
  return null;
}

/** Parse the account details that follow a bank name, within one short passage. */
function parseDetails(bank: string, w: string): { branch: string; type: string; number: string; holder?: string; end: number } | null {
  let branch: string | undefined;
  let end = 0;
  const post =
    bank === '9900' ? /記号\s*[:：]?\s*(1\d{4})[^0-9]{0,12}?番号\s*[:：]?\s*(\d{1,8})|(?<!\d)(1\d{4})-(\d{6,8})(?!\d)/.exec(w) : null;
  if (post) {
    const kigo = (post[1] ?? post[3]) as string;
    const bango = (post[2] ?? post[4]) as string;
    if (!bango.endsWith('1') || bango.length < 2) return null;
    branch = `${kigo.slice(1, 3)}8`;
    end = post.index + post[0].length;
    const holder = KATAKANA_RUN.exec(w.slice(end).replace(/^[\s、,]*(?:口座)?名義(?:人)?\s*[:：]?/, ''));
    return { branch, type: '1', number: bango.slice(0, -1).padStart(7, '0'), end, ...(holder ? { holder: holder[1] as string } : {}) };
  }
  const byCode = /(?:店番号|支店番号|店番|支店コード)\s*[:：]?\s*[（(]?(\d{3})(?!\d)/.exec(w) ?? /[（(](\d{3})[）)]/.exec(w);
  if (byCode) {
    branch = byCode[1];
    end = Math.max(end, byCode.index + byCode[0].length);
  }
  const byName = findBranchByName(bank, w);
  if (byName) {
    if (!branch) branch = byName.code;
    end = Math.max(end, byName.end);
  }
  if (!branch) return null;
  const t = /(普通|当座|貯蓄|総合|普|当)(?:預金)?(?:口座)?/.exec(w);
  const afterType = t ? t.index + t[0].length : end;
  const numberRe = /(?:口座番号\s*[:：]?\s*)?(?<![\d-])(\d{4,8})(?![\d-])/g;
  numberRe.lastIndex = t ? afterType : 0;
  let num: RegExpExecArray | null = null;
  for (let m = numberRe.exec(w); m; m = numberRe.exec(w)) {
    if (m[1] !== branch) {
      num = m;
      break;
    }
  }
  if (!num || (num[1] as string).length > 7) return null;
  end = Math.max(end, num.index + num[0].length);
  const tail = w.slice(end);
  const named = /^[\s、,]*(?:口座)?名義(?:人)?\s*[:：は]?\s*/.exec(tail);
  const holder =
    KATAKANA_RUN.exec(named ? tail.slice(named[0].length) : tail) ??
    (/(?:口座)?名義(?:人)?\s*[:：は]?/.exec(w)
      ? KATAKANA_RUN.exec(w.slice((/(?:口座)?名義(?:人)?\s*[:：は]?/.exec(w) as RegExpExecArray).index + 2))
      : null);
  if (holder && named) end += named[0].length + (holder.index + holder[0].length);
  else if (holder && tail.startsWith(holder[0].slice(0, 1))) end += holder.index + holder[0].length;
  return {
    branch,
    type: TYPES[t?.[1] ?? '普通'] ?? '1',
    number: (num[1] as string).padStart(7, '0'),
    end,
    ...(holder ? { holder: (holder[1] as string).trim() } : {}),
  };
}

export function extractBankAccounts(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  ANCHOR.lastIndex = 0;
  let consumedTo = 0;
  for (let m = ANCHOR.exec(s); m; m = ANCHOR.exec(s)) {
    const anchorEnd = m.index + m[0].length;
    if (anchorEnd <= consumedTo) continue;
    const bank = bankEndingAt(s, anchorEnd) ?? (m[0] === 'ゆうちょ' ? { code: '9900', start: m.index } : null);
    if (!bank) continue;
    // The account details follow within a short passage: stop at a blank line or 160 characters.
    const rest = s.slice(anchorEnd, anchorEnd + 160);
    const para = rest.split(/\n\s*\n/)[0] as string;
    const d = parseDetails(bank.code, para);
    if (!d) continue;
    const b = banks[bank.code];
    const br = b?.branches[d.branch];
    if (!b || !br) continue;
    const end = anchorEnd + d.end;
    const attributes: Record<string, string> = { bankName: b.name, branchName: br.name };
    if (d.holder) attributes.holder = bankKana(d.holder);
    out.push(hit('bankAccount', `${bank.code}-${d.branch}-${d.type}-${d.number}`, scan, bank.start, end, false, attributes));
    consumedTo = end;
    ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, end);
  }
}
