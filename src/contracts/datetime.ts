/**
 * The one way Renkei writes a date and time for people: Japan Standard Time, to the minute,
 * "2026/12/07 13:40" — on every page (src/web/lib/datetime.ts uses it) and in notifications and
 * mail the server writes. The API itself speaks UTC ISO-8601.
 */
const jstMinute = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2025-01-01T00:00:00Z" → "2025/01/01 09:00"; empty gives "—"; text that is not a date is returned as is. */
export function formatJst(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const date = iso instanceof Date ? iso : new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : jstMinute.format(date);
}

/** The year in Japan of a UTC instant: reference numbers (受理番号, 事件番号) count by it. */
export const jstYear = (iso: string): number => new Date(new Date(iso).getTime() + 9 * 3600_000).getUTCFullYear();

/**
 * A register's number as people write it: the year in Japan, the register's mark, and the row's
 * own sequence in six digits — 事件番号 2026-事-000123, 依頼番号 2026-依-000045, and 受理番号
 * 2026-000123 without a mark. Every register numbers its rows this way.
 */
export const registerNumber = (at: string, seq: number, mark?: string): string =>
  `${jstYear(at)}-${mark ? `${mark}-` : ''}${String(seq).padStart(6, '0')}`;

/** The calendar day in Japan (YYYY-MM-DD) at an instant: due dates and 送致日 are such days. */
export const jstDay = (at: string | Date): string => new Date(new Date(at).getTime() + 9 * 3600_000).toISOString().slice(0, 10);
