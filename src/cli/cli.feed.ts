import { parse as parseCsv } from 'csv-parse/sync';
import { type IndicatorType, indicatorTypeLabels, indicatorTypeSchema } from '../contracts/indicators.contracts.js';
import { canonicalForm } from '../server/domains/indicators/extract/index.js';
import type { SightingInput } from '../server/domains/indicators/index.js';

/** One row of an indicator feed as written in the file, with its line number for error messages. */
export interface Row {
  line: number;
  type: string;
  value: string;
}

/** Rows that read as their type, in canonical form, and the rows that did not. */
export interface Validated {
  items: (SightingInput & { line: number })[];
  errors: RowError[];
}

export interface RowError {
  line: number;
  message: string;
}

const csvShapeError = (detail: string) => `CSV の形式が正しくありません（引用符・列数）: ${detail.slice(0, 100)}`;
const missingColumns = 'type 列と value 列が必要です';

/** Parse an import file into rows, CSV (header type,value) or JSON Lines ({"type","value"}). */
export function parseImport(file: string, content: string): { rows: Row[]; errors: RowError[] } {
  if (file.endsWith('.jsonl') || file.endsWith('.ndjson')) return parseJsonLines(content);
  const csv = content.replace(/^\uFEFF/, '');
  return isPlainCsv(csv) ? parsePlainCsv(csv) : parseQuotedCsv(csv);
}

function parseJsonLines(content: string): { rows: Row[]; errors: RowError[] } {
  const rows: Row[] = [];
  const errors: RowError[] = [];
  content.split('\n').forEach((l, i) => {
    if (!l.trim()) return;
    try {
      const o = JSON.parse(l) as { type?: unknown; value?: unknown };
      if (typeof o.type !== 'string' || typeof o.value !== 'string')
        errors.push({ line: i + 1, message: 'type と value（文字列）が必要です' });
      else rows.push({ line: i + 1, type: o.type, value: o.value });
    } catch {
      errors.push({ line: i + 1, message: 'JSON として解釈できません' });
    }
  });
  return { rows, errors };
}

/**
 * Most feeds quote nothing and end lines with LF or CRLF. Such a file needs no state machine:
 * split by hand it parses several times faster than csv-parse (a third of a 200,000-row import's
 * time went there) with the same result, which cli.feed.test.ts checks against csv-parse.
 */
export function isPlainCsv(content: string): boolean {
  return !content.includes('"') && !/\r(?!\n)/.test(content);
}

/** A quote-free CSV read with csv-parse's rules as parseQuotedCsv sets them. */
export function parsePlainCsv(content: string): { rows: Row[]; errors: RowError[] } {
  const lines = content.split('\n');
  const at = lines.findIndex((l) => cellsOf(l) !== null);
  if (at < 0) return { rows: [], errors: [] };
  return readPlainLines(cellsOf(lines[at] as string) as string[], lines, at + 1, at + 2);
}

/** A line's trimmed cells, or null for a line csv-parse skips (blanks only, after trimming). */
function cellsOf(raw: string): string[] | null {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  return text.trim() === '' ? null : text.split(',').map((c) => c.trim());
}

/** Rows under a header from lines[from…]; `firstLine` is the file's line number of lines[from]. */
function readPlainLines(header: string[], lines: string[], from: number, firstLine: number): { rows: Row[]; errors: RowError[] } {
  const rows: Row[] = [];
  const errors: RowError[] = [];
  const typeAt = header.indexOf('type');
  const valueAt = header.indexOf('value');
  for (let i = from; i < lines.length; i++) {
    const cells = cellsOf(lines[i] as string);
    if (!cells) continue;
    const line = firstLine + i - from;
    if (cells.length !== header.length) {
      errors.push({
        line,
        message: csvShapeError(`Invalid Record Length: columns length is ${header.length}, got ${cells.length} on line ${line}`),
      });
      continue;
    }
    const type = typeAt < 0 ? '' : (cells[typeAt] as string);
    const value = valueAt < 0 ? '' : (cells[valueAt] as string);
    if (!type || !value) errors.push({ line, message: missingColumns });
    else rows.push({ line, type, value });
  }
  return { rows, errors };
}

/**
 * A part of a feed, read and validated on its own (on a worker thread, cli.validate.ts): rows the
 * caller has read already (JSON Lines, quoted CSV), or whole lines of a quote-free CSV under its
 * header. Lines are read where they are validated: handing a worker one string instead of 10,000
 * row objects takes the reading and the copying off the thread that writes to the database.
 */
export type FeedPart = { rows: Row[] } | { header: string[]; firstLine: number; text: string };

/** A feed cut into parts of about `partRows` rows, with the errors found while cutting it. */
export function feedParts(file: string, content: string, partRows: number): { parts: FeedPart[]; errors: RowError[]; rows: number } {
  const csv = content.replace(/^\uFEFF/, '');
  if (file.endsWith('.jsonl') || file.endsWith('.ndjson') || !isPlainCsv(csv)) {
    const { rows, errors } = parseImport(file, content);
    const parts: FeedPart[] = [];
    for (let i = 0; i < rows.length; i += partRows) parts.push({ rows: rows.slice(i, i + partRows) });
    return { parts, errors, rows: rows.length + errors.length };
  }
  // The header is the first line that is not blank; every part then starts at a line's start.
  let start = 0;
  let line = 1;
  let header: string[] | null = null;
  while (start < csv.length && !header) {
    const end = csv.indexOf('\n', start);
    const stop = end < 0 ? csv.length : end + 1;
    header = cellsOf(csv.slice(start, end < 0 ? csv.length : end));
    start = stop;
    line++;
  }
  const parts: FeedPart[] = [];
  let rows = 0;
  while (header && start < csv.length) {
    let end = start;
    let n = 0;
    while (n < partRows && end < csv.length) {
      const nl = csv.indexOf('\n', end);
      end = nl < 0 ? csv.length : nl + 1;
      n++;
    }
    parts.push({ header, firstLine: line, text: csv.slice(start, end) });
    rows += n;
    line += n;
    start = end;
  }
  return { parts, errors: [], rows };
}

/** A part's rows: those already read, or its lines read now. */
export function readPart(part: FeedPart): { rows: Row[]; errors: RowError[] } {
  return 'rows' in part ? { rows: part.rows, errors: [] } : readPlainLines(part.header, part.text.split('\n'), 0, part.firstLine);
}

/** Read a part's rows and validate each one. */
export function validatePart(part: FeedPart): Validated {
  const read = readPart(part);
  const v = validateRows(read.rows);
  return { items: v.items, errors: read.errors.length ? [...read.errors, ...v.errors] : v.errors };
}

/** Any other CSV: csv-parse, reporting every broken row at once rather than stopping at the first. */
export function parseQuotedCsv(content: string): { rows: Row[]; errors: RowError[] } {
  const rows: Row[] = [];
  const errors: RowError[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(content, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (err: { lines?: number; message: string } | undefined) => {
        if (err) errors.push({ line: err.lines ?? 0, message: csvShapeError(err.message) });
      },
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (e) {
    errors.push({ line: 1, message: `CSV を読み込めません: ${(e as Error).message.slice(0, 120)}` });
    return { rows, errors };
  }
  for (const { record: r, info } of records) {
    const line = info.lines;
    if (!r.type || !r.value) errors.push({ line, message: missingColumns });
    else rows.push({ line, type: r.type, value: r.value });
  }
  return { rows, errors };
}

/** Check each row: a known type, and a value that reads as that type. */
export function validateRows(rows: Row[]): Validated {
  const items: (SightingInput & { line: number })[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const t = indicatorTypeSchema.safeParse(r.type);
    if (!t.success) {
      errors.push({ line: r.line, message: `不明な種別です: ${r.type}` });
      continue;
    }
    const type: IndicatorType = t.data;
    const form = canonicalForm(type, r.value);
    if (!form.valid && type !== 'social') {
      errors.push({ line: r.line, message: `${indicatorTypeLabels[type].ja}として解釈できません: ${r.value.slice(0, 80)}` });
      continue;
    }
    items.push({ type, value: form.value, line: r.line });
  }
  return { items, errors };
}
