import type { ApiError } from '../../../api/errors.js';
import type { RowError } from './api.js';

/** The first rows of a 400 intake.import_invalid: its details, "3行目.category" → row 3, field category. */
export function rowErrorsFromDetails(details: ApiError['details']): RowError[] {
  return (details ?? []).map((detail) => {
    const match = /^(\d+)行目\.?(.*)$/.exec(detail.path);
    return match
      ? { row: Number(match[1]), field: match[2] ?? '', message: detail.message }
      : { row: 0, field: detail.path, message: detail.message };
  });
}

/**
 * A field id in words, from the labels the server sent: "category" → 分類, and a nested path
 * "complainant.name" → 相談者氏名 (complainantName); an unknown id is shown as it is.
 */
export function fieldLabel(field: string, fields: Record<string, string>): string {
  if (!field) return '—';
  if (fields[field]) return fields[field];
  const [head, ...rest] = field.split('.');
  const joined = (head ?? '') + rest.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
  return fields[joined] ?? field;
}
