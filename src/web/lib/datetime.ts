/** Dates for people are shown in Japan Standard Time, one way everywhere; the API speaks UTC ISO-8601. */
export { formatJst } from '../../contracts/datetime.js';

/** Value of an `<input type="datetime-local">`: "2025-01-02T09:30" (seconds optional). */
const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * Read a date-time typed by a person as Japan Standard Time and give the UTC ISO string the API
 * expects, e.g. "2025-01-02T09:30" → "2025-01-02T00:30:00.000Z". With `endOfMinute`, a value
 * without seconds covers its whole minute (…:59.999), so an upper bound includes that minute.
 * Empty input gives undefined; text that is not a valid date-time gives null.
 */
export function jstInputToUtcIso(value: string, options: { endOfMinute?: boolean } = {}): string | undefined | null {
  const text = value.trim();
  if (!text) return undefined;
  const match = LOCAL_DATETIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) return null;
  const extraMs = second === undefined && options.endOfMinute ? 59_999 : (second ?? 0) * 1000;
  const utc = Date.UTC(year, month - 1, day, hour, minute) - JST_OFFSET_MS + extraMs;
  const date = new Date(utc);
  // Reject impossible dates (2025-02-30) that Date.UTC would roll over.
  const check = new Date(utc + JST_OFFSET_MS);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return date.toISOString();
}

/** True when the ISO date lies in the past (an expiry that has passed). */
export function isPast(iso: string, now: number = Date.now()): boolean {
  const time = new Date(iso).getTime();
  return !Number.isNaN(time) && time <= now;
}

/** A UTC ISO string as the value of a datetime-local input read as JST ("2025-01-02T09:30"); "" when empty. */
export function utcIsoToJstInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return '';
  return new Date(time + JST_OFFSET_MS).toISOString().slice(0, 16);
}

/** The current time as a datetime-local value in JST. */
export function nowJstInput(now: number = Date.now()): string {
  return new Date(now + JST_OFFSET_MS).toISOString().slice(0, 16);
}

/** The JST calendar day of a UTC ISO string ("2025-01-02"); "" when empty. */
export function utcIsoToJstDate(iso: string | null | undefined): string {
  return utcIsoToJstInput(iso).slice(0, 10);
}

/**
 * A JST calendar day ("2025-01-02", an `<input type="date">` value) as UTC ISO: its first
 * millisecond, or with `end` its last. Empty gives undefined; a malformed day gives null.
 */
export function jstDateToUtcIso(day: string, options: { end?: boolean } = {}): string | undefined | null {
  const text = day.trim();
  if (!text) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  return options.end ? jstInputToUtcIso(`${text}T23:59`, { endOfMinute: true }) : jstInputToUtcIso(`${text}T00:00`);
}

/** Whole minutes from now until the ISO time (negative once it has passed); null for bad input. */
export function minutesUntil(iso: string, now: number = Date.now()): number | null {
  const time = new Date(iso).getTime();
  return Number.isNaN(time) ? null : Math.round((time - now) / 60_000);
}
