import zengin from 'zengin-code';

/** Bank and branch names from zengin-code, so an officer sees 「みずほ銀行 東京営業部」 and not codes. */
export function bankName(code: string): string | null {
  return zengin[code]?.name ?? null;
}

export function branchName(bank: string, branch: string): string | null {
  return zengin[bank]?.branches[branch]?.name ?? null;
}
