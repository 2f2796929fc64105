/** "¥300,000"; "—" when no amount was given. Amounts are whole yen, as people write them. */
export function formatYen(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '—' : `¥${amount.toLocaleString('ja-JP')}`;
}
