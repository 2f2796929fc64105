/** Dates for people are shown in Japan Standard Time; the API speaks UTC ISO-8601. */
const jstDateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * Format a UTC ISO string as JST, e.g. "2025-01-01T00:00:00Z" → "2025/01/01 09:00:00".
 * Empty input gives "—"; text that is not a date is returned unchanged rather than hidden.
 */
export function formatJst(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : jstDateTime.format(date);
}
