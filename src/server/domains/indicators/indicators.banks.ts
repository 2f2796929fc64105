import { zenginBanks } from './extract/extract.zengin.js';

/**
 * Bank and branch names from zengin-code (shipped with the package, never fetched), so an officer
 * reads 「みずほ銀行 東京営業部」 and not codes, and finds a bank or branch by the name a passbook shows.
 */
export function bankName(code: string): string | null {
  return zenginBanks()[code]?.name ?? null;
}

export function branchName(bank: string, branch: string): string | null {
  return zenginBanks()[bank]?.branches[branch]?.name ?? null;
}

export interface BankChoice {
  code: string;
  name: string;
  kana: string;
}

/** Folded for matching: NFKC, katakana as hiragana, lower case, no spaces or 「銀行」「支店」 words. */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/\s+/g, '');
}

function matchAll<T extends { code: string; name: string; kana: string; hira: string; roma: string }>(
  items: Iterable<T>,
  query: string,
  limit: number,
): BankChoice[] {
  const q = fold(query.replace(/(銀行|支店|営業部)$/u, '') || query);
  if (!q) return [];
  const scored: [number, BankChoice][] = [];
  for (const it of items) {
    const keys = [it.code, fold(it.name), fold(it.kana), fold(it.hira), it.roma.toLowerCase()];
    // A code or name that begins with the query first, then one that holds it.
    const rank = keys.some((k) => k.startsWith(q)) ? 0 : keys.some((k) => k.includes(q)) ? 1 : -1;
    if (rank >= 0) scored.push([rank, { code: it.code, name: it.name, kana: it.kana }]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].code.localeCompare(b[1].code))
    .slice(0, limit)
    .map(([, c]) => c);
}

export function searchBanks(query: string, limit = 20): BankChoice[] {
  return matchAll(Object.values(zenginBanks()), query, limit);
}

export function searchBranches(bankCode: string, query: string, limit = 20): BankChoice[] {
  const bank = zenginBanks()[bankCode];
  if (!bank) return [];
  return matchAll(Object.values(bank.branches), query, limit);
}
