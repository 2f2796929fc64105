import type { CandidateReason } from '../../../../contracts/indicators.contracts.js';
import { asCandidate, type Hit, hit, once, type Scan } from './extract.types.js';
import { type Zengin, zenginBanks } from './extract.zengin.js';

/**
 * Japanese bank accounts: bank (by name, from zengin-code), branch (by name or 店番号), type
 * (普通/当座/貯蓄), number and holder, written in any order people use within a sentence or two.
 * Japan Post Bank 記号・番号 become branch and number as the bank itself converts them.
 */

const nfkc = (s: string) => s.normalize('NFKC');

interface BankTables {
  banks: Zengin;
  /** Bank names (and the ways people shorten them) to codes. */
  bankByName: Map<string, string>;
  branchByName: Map<string, Map<string, string>>;
  /** The longest bank name, so a look back from an anchor is bounded. */
  maxName: number;
}

let tables: BankTables | undefined;

/** Built on first use, from zengin-code loaded then (see extract.zengin.ts). */
export function bankTables(): BankTables {
  if (tables) return tables;
  const banks = zenginBanks();
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
  for (const [alias, code] of ALIASES) bankByName.set(alias, code);
  tables = { banks, bankByName, branchByName, maxName: Math.max(...[...bankByName.keys()].map((k) => k.length)) };
  return tables;
}

// Names people use that are not (or no longer) the registered one.
const ALIASES = [
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
] as const;

const ANCHOR = /銀行|信用金庫|信金|信用組合|信組|労働金庫|労金|農協|ゆうちょ|UFJ|MUFG|SMBC|みずほ|りそな|住信SBI/g;

/** The longest known bank name ending at `end` (the anchor's end), looking back at most the longest name. */
function bankEndingAt(s: string, end: number): { code: string; start: number } | null {
  const { maxName, bankByName } = bankTables();
  for (let len = Math.min(maxName, end); len >= 2; len--) {
    const code = bankByName.get(nfkc(s.slice(end - len, end)));
    if (code) return { code, start: end - len };
  }
  return null;
}

/**
 * An account already in its canonical form ("0009-221-1-1234567", as `renkei extract --jsonl`
 * prints it), when its bank and branch exist: so what the extractor emits can be read back.
 */
export function canonicalBankAccount(value: string): string | null {
  const m = /^(\d{4})-(\d{3})-([124])-(\d{7})$/.exec(nfkc(value.trim()));
  if (!m) return null;
  return bankTables().banks[m[1] as string]?.branches[m[2] as string] ? m[0] : null;
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
  const names = bankTables().branchByName.get(bank);
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

interface Details {
  /** Undefined when no branch written in the passage resolves at this bank. */
  branch?: string;
  /** Undefined when no account type is written. */
  type?: string;
  number: string;
  holder?: string;
  /** The passage is read up to here. */
  end: number;
  /** A Japan Post 番号 whose check digit does not match. */
  checkDigitFails?: boolean;
}

/** Words that make a number something other than an account number: 「お客様番号 2345678」「50000円」. */
const OTHER_NUMBER_BEFORE = /(?:お客様|顧客|会員|社員|職員|注文|受付|管理|契約|整理|問い?合わせ|電話|暗証)番号\s*[:：は]?\s*$/;
const NOT_ACCOUNT_AFTER = /^\s*(?:円|万|千|件|人|回|年|月|日|時|分|秒|%|％)/;
/** Something in the passage says an account is meant: a deposit type or the word 口座. */
const ACCOUNT_CUE = /普通|当座|貯蓄|総合|口座/;

/** Parse the account details that follow a bank name (null: not known), within one short passage. */
function parseDetails(bank: string | null, w: string): Details | null {
  let branch: string | undefined;
  let end = 0;
  const post =
    bank === '9900' ? /記号\s*[:：]?\s*(1\d{4})[^0-9]{0,12}?番号\s*[:：]?\s*(\d{1,8})|(?<!\d)(1\d{4})-(\d{6,8})(?!\d)/.exec(w) : null;
  if (post) {
    const kigo = (post[1] ?? post[3]) as string;
    const bango = (post[2] ?? post[4]) as string;
    if (bango.length < 2) return null;
    branch = `${kigo.slice(1, 3)}8`;
    end = post.index + post[0].length;
    const holder = KATAKANA_RUN.exec(w.slice(end).replace(/^[\s、,]*(?:口座)?名義(?:人)?\s*[:：]?/, ''));
    return {
      branch,
      type: '1',
      number: bango.slice(0, -1).padStart(7, '0'),
      end,
      ...(holder ? { holder: holder[1] as string } : {}),
      ...(bango.endsWith('1') ? {} : { checkDigitFails: true }),
    };
  }
  if (bank) {
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
  }
  // Without a branch the passage must say an account is meant; an unknown bank needs it too.
  if (!branch && !ACCOUNT_CUE.test(w)) return null;
  const t = /(普通|当座|貯蓄|総合|普|当)(?:預金)?(?:口座)?/.exec(w);
  // The number usually follows the type; people also write 口座番号 first and the branch after it.
  const num = accountNumber(w, t ? t.index + t[0].length : 0, branch) ?? (t ? accountNumber(w, 0, branch) : null);
  if (!num) return null;
  if (!branch && num.digits.length !== 7 && !num.labelled) return null;
  end = Math.max(end, num.end);
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
    ...(branch ? { branch } : {}),
    ...(t ? { type: TYPES[t[1] as string] ?? '1' } : {}),
    number: num.digits.padStart(7, '0'),
    end,
    ...(holder ? { holder: (holder[1] as string).trim() } : {}),
  };
}

/** The first account number from `from`: 4–8 digits, not the branch code, not another kind of number. */
function accountNumber(w: string, from: number, branch: string | undefined): { digits: string; end: number; labelled: boolean } | null {
  const re = /(口座番号\s*(?:は|[:：])?\s*)?(?<![\d-])(\d{4,8})(?![\d-])/g;
  re.lastIndex = from;
  for (let m = re.exec(w); m; m = re.exec(w)) {
    const digits = m[2] as string;
    const end = m.index + m[0].length;
    if (digits === branch || digits.length > 7) continue;
    if (OTHER_NUMBER_BEFORE.test(w.slice(Math.max(0, m.index - 10), m.index)) || NOT_ACCOUNT_AFTER.test(w.slice(end, end + 3))) continue;
    return { digits, end, labelled: m[1] !== undefined };
  }
  return null;
}

/** The bank name as written before an anchor the registry does not know: 「アオバ銀行」. */
function writtenBankName(s: string, anchorStart: number, anchorEnd: number): string {
  let from = anchorStart;
  while (from > 0 && anchorStart - from < 12 && !DELIM.test(s[from - 1] as string) && !/[はがをにでとのへも]/.test(s[from - 1] as string))
    from--;
  return s.slice(from, anchorEnd);
}

/** 「口座番号は 7654321、名義はカ）アオバ…」 with no bank named: the number and holder are still worth showing. */
const NUMBER_AND_HOLDER = /口座番号\s*(?:は|[:：])?\s*(\d{6,8})(?![\d-])[^\n]{0,12}?名義(?:人)?\s*(?:は|[:：])?\s*/g;

const BLANK_LINE = /\n\s*\n/;

export function extractBankAccounts(scan: Scan, out: Hit[]): void {
  const s = scan.folded;
  const { banks, maxName } = bankTables();
  ANCHOR.lastIndex = 0;
  let consumedTo = 0;
  // The passages read as accounts, as [start, end]: kept here rather than read back off the hits,
  // which come in two shapes (certain and candidate) that made the optimised loop start over.
  const read: (readonly [number, number])[] = [];
  for (let m = ANCHOR.exec(s); m; m = ANCHOR.exec(s)) {
    const anchorEnd = m.index + m[0].length;
    if (anchorEnd <= consumedTo) continue;
    const before = s.slice(Math.max(0, anchorEnd - maxName), anchorEnd);
    const named = once(scan, 'bankname', before, () => bankEndingAt(before, before.length));
    const bank = named
      ? { code: named.code, start: anchorEnd - before.length + named.start }
      : m[0] === 'ゆうちょ'
        ? { code: '9900', start: m.index }
        : null;
    // The account details follow within a short passage: stop at a blank line, 160 characters,
    // or the next bank named (「１回目は…銀行…、２回目は…銀行…」).
    const rest = s.slice(anchorEnd, anchorEnd + 160);
    const blank = BLANK_LINE.exec(rest);
    let para = blank ? rest.slice(0, blank.index) : rest;
    const next = /銀行|信用金庫|信金|信用組合|労働金庫|ゆうちょ/g;
    next.lastIndex = 3;
    const n = next.exec(para);
    if (n) para = para.slice(0, n.index);
    const d = once(scan, 'bank', `${bank?.code}\u0000${para}`, () => parseDetails(bank?.code ?? null, para));
    if (!d) continue;
    const b = bank ? banks[bank.code] : undefined;
    const br = b && d.branch ? b.branches[d.branch] : undefined;
    const start = bank?.start ?? m.index - (writtenBankName(s, m.index, anchorEnd).length - m[0].length);
    const end = anchorEnd + d.end;
    const attributes: Record<string, string> = { bankName: b?.name ?? s.slice(start, anchorEnd) };
    if (br) attributes.branchName = br.name;
    if (d.holder) attributes.holder = bankKana(d.holder);
    const reasons: CandidateReason[] = [];
    if (!b) reasons.push('bank_unknown');
    if (!br) reasons.push('branch_unknown');
    if (!d.type && reasons.length > 0) reasons.push('type_unknown');
    const value = `${b ? bank?.code : '????'}-${br ? d.branch : '???'}-${d.type ?? (reasons.length > 0 ? '?' : '1')}-${d.number}`;
    const h = hit('bankAccount', value, scan, start, end, false, attributes);
    if (d.checkDigitFails) out.push(asCandidate(h, 'malformed', ['check_digit']));
    else out.push(reasons.length > 0 ? asCandidate(h, 'needsConfirmation', reasons) : h);
    read.push([start, end]);
    consumedTo = end;
    ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, end);
  }
  // Inside a passage already read as an account (the bank was named before it): nothing new. The
  // passages read above, by start, with the furthest end so far; those added below come in order.
  read.sort((a, b) => a[0] - b[0]);
  const furthest: number[] = [];
  for (const [, end] of read) furthest.push(Math.max(end, furthest[furthest.length - 1] ?? 0));
  let r = 0;
  let addedEnd = 0;
  NUMBER_AND_HOLDER.lastIndex = 0;
  for (let m = NUMBER_AND_HOLDER.exec(s); m; m = NUMBER_AND_HOLDER.exec(s)) {
    const holder = KATAKANA_RUN.exec(s.slice(m.index + m[0].length, m.index + m[0].length + 60));
    if (!holder) continue;
    const start = m.index;
    const end = m.index + m[0].length + holder.index + holder[0].length;
    while (r < read.length && (read[r] as readonly [number, number])[0] <= start) r++;
    if ((r > 0 && (furthest[r - 1] as number) > start) || addedEnd > start) continue;
    addedEnd = Math.max(addedEnd, end);
    const attributes = { holder: bankKana(holder[1] as string) };
    const h = hit('bankAccount', `????-???-?-${(m[1] as string).padStart(7, '0')}`, scan, start, end, false, attributes);
    out.push(asCandidate(h, 'needsConfirmation', ['bank_unknown', 'branch_unknown', 'type_unknown']));
  }
}
