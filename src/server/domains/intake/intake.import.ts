import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import {
  type ConsultationInput,
  consultationInputSchema,
  disposition,
  intakeCategory,
  intakeChannel,
  intakeKind,
  partyType,
  paymentMethod,
} from '../../../contracts/intake.contracts.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { AppError, type ErrorDetail } from '../../core/errors/app-error.js';
import { intakeErrors } from './intake.errors.js';
import { failImport, publishImport, settleImport, stageRows, startImport } from './intake.import.batches.js';
import { listModus } from './intake.repository.js';
import type { IntakeDeps } from './intake.usecases.js';

/**
 * Import of existing consultation registers (警察相談簿) kept as spreadsheets: Shift_JIS or
 * UTF-8 CSV, columns mapped to fields, every row validated before anything is written. Either
 * all valid rows go in, or (unless the user chose to skip bad rows) none. The rows are written in
 * short transactions under a staging batch and appear together when it is published
 * (intake.import.batches.ts), so a large import never holds up other people's requests.
 */
export const importFields = {
  receivedAt: { ja: '受理日時', aliases: ['受理日時', '受理日', '受付日時', '受付日', '日時'] },
  kind: { ja: '種別', aliases: ['種別', '区分', '受理種別'] },
  channel: { ja: '受理方法', aliases: ['受理方法', '受付方法', '受理経路', '経路'] },
  category: { ja: '分類', aliases: ['分類', '相談分類', '相談種別'] },
  modus: { ja: '手口', aliases: ['手口', '手口分類'] },
  summary: { ja: '件名', aliases: ['件名', '標題', '概要'] },
  narrative: { ja: '相談内容', aliases: ['相談内容', '内容', '相談要旨', '要旨'] },
  damageAmount: { ja: '被害額', aliases: ['被害額', '被害金額', '被害額（円）'] },
  paymentMethod: { ja: '支払方法', aliases: ['支払方法', '送金方法', '被害形態'] },
  complainantType: { ja: '相談者区分', aliases: ['相談者区分', '個人・法人'] },
  complainantName: { ja: '相談者氏名', aliases: ['相談者氏名', '相談者', '氏名', '相談者名'] },
  complainantAddress: { ja: '相談者住所', aliases: ['相談者住所', '住所'] },
  complainantPhone: { ja: '相談者電話番号', aliases: ['相談者電話番号', '電話番号', '連絡先'] },
  disposition: { ja: '処理区分', aliases: ['処理区分', '措置', '処理'] },
} as const;
export type ImportField = keyof typeof importFields;
export type Mapping = Record<string, ImportField | null>;

const MAX_ROWS = 20_000;

/** UTF-8 (with or without BOM) when it decodes cleanly, else Shift_JIS (Windows code page 932). */
export function decodeCsv(bytes: Buffer): { text: string; encoding: 'utf-8' | 'shift_jis' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = iconv.decode(bytes, 'cp932');
    // Bytes that are neither: binary or another encoding. Refuse rather than import mojibake.
    if ((text.match(/\uFFFD/g)?.length ?? 0) > 0) throw intakeErrors.create('intake.csv_encoding');
    return { text, encoding: 'shift_jis' };
  }
}

/** The line on which a quoted field opens and never closes (RFC 4180: "" inside quotes is a quote), or undefined. */
export function unclosedQuoteLine(text: string): number | undefined {
  let line = 1;
  let inQuote = false;
  let openedAt = 0;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuote) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') inQuote = false;
      else if (c === '\n') line++;
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuote = true;
      openedAt = line;
    }
    if (c === '\n') line++;
    fieldStart = c === ',' || c === '\n' || c === '\r' || (fieldStart && (c === ' ' || c === '\t' || c === '\ufeff'));
  }
  return inQuote ? openedAt : undefined;
}

export function parseCsv(text: string): { headers: string[]; rows: string[][] } {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: false, skip_empty_lines: true, bom: true, trim: true });
  } catch (e) {
    // For a quote never closed the parser names the last line it read; the officer needs the line it opened on.
    const err = e as { code?: string; lines?: number };
    const line = (err.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text) : undefined) ?? err.lines ?? '?';
    // The parser's own message is English; the officer gets the line and what to check.
    throw intakeErrors.create(
      'intake.csv_malformed',
      { line },
      { details: [{ path: `${line}行目`, message: '引用符（"）の閉じ忘れや列数の違いがないか確認してください' }] },
    );
  }
  const [headers, ...rows] = records;
  if (!headers || rows.length === 0) throw intakeErrors.create('intake.csv_empty');
  if (rows.length > MAX_ROWS) throw intakeErrors.create('intake.csv_too_many', { max: MAX_ROWS });
  return { headers, rows };
}

export function suggestMapping(headers: string[]): Mapping {
  const out: Mapping = {};
  for (const h of headers) {
    const n = h.normalize('NFKC').trim();
    const found = (Object.entries(importFields) as [ImportField, { aliases: readonly string[] }][]).find(([, f]) => f.aliases.includes(n));
    out[h] = found?.[0] ?? null;
  }
  return out;
}

/** A label (「相談」) or identifier (`consultation`) to the identifier; undefined when unknown. */
function byLabel<K extends string>(labels: Record<K, { ja: string; en: string }>, v: string): K | string {
  const n = v.normalize('NFKC').trim();
  const hit = (Object.entries(labels) as [K, { ja: string; en: string }][]).find(([k, l]) => k === n || l.ja === n || l.en === n);
  return hit ? hit[0] : n;
}

/** 2025/04/01 10:30, 2025-04-01, ISO with offset: people's dates are JST. */
export function jstDate(v: string): string {
  const n = v.normalize('NFKC').trim();
  const m = /^(\d{4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(n);
  if (!m) return n;
  const p2 = (x: string | undefined) => (x ?? '0').padStart(2, '0');
  return `${m[1]}-${p2(m[2])}-${p2(m[3])}T${p2(m[4])}:${p2(m[5])}:${p2(m[6])}+09:00`;
}

function amount(v: string): number | string {
  const n = v.normalize('NFKC').replace(/[,円\s]/g, '');
  return /^-?\d+$/.test(n) ? Number(n) : v;
}

export function rowToInput(row: Record<ImportField, string | undefined>, modusByLabel: Map<string, string>): unknown {
  const s = (k: ImportField) => {
    const v = row[k];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const modus = s('modus');
  return {
    kind: s('kind') ? byLabel(intakeKind.labels, s('kind') as string) : 'consultation',
    channel: s('channel') ? byLabel(intakeChannel.labels, s('channel') as string) : 'visit',
    category: s('category') ? byLabel(intakeCategory.labels, s('category') as string) : 'other',
    modus: modus ? (modusByLabel.get(modus.normalize('NFKC')) ?? modus) : 'other',
    receivedAt: s('receivedAt') ? jstDate(s('receivedAt') as string) : undefined,
    summary: s('summary') ?? (s('narrative') ?? '').slice(0, 40),
    narrative: s('narrative') ?? '',
    damageAmount: s('damageAmount') !== undefined ? amount(s('damageAmount') as string) : undefined,
    paymentMethod: s('paymentMethod') ? byLabel(paymentMethod.labels, s('paymentMethod') as string) : undefined,
    complainant: {
      type: s('complainantType') ? byLabel(partyType.labels, s('complainantType') as string) : 'individual',
      name: s('complainantName'),
      address: s('complainantAddress'),
      phone: s('complainantPhone'),
    },
    victimSameAsComplainant: true,
  };
}

export interface ImportReport {
  encoding: string;
  rows: number;
  imported: number;
  skipped: number;
  errors: { row: number; field: string; message: string }[];
}

export interface ImportOptions {
  skipInvalid: boolean;
  dryRun: boolean;
  /**
   * Runs after each committed slice of staged rows, with how many are written (tests: to look at
   * what others see mid-import, or to make the import fail there by throwing).
   */
  afterSlice?: (written: number) => void | Promise<void>;
}

/** Validate every row; with `dryRun` or any error (unless skipping), write nothing. */
export async function importRegister(
  deps: IntakeDeps,
  ctx: RequestCtx,
  bytes: Buffer,
  mapping: Mapping,
  opts: ImportOptions,
  now = new Date(),
): Promise<ImportReport> {
  const { text, encoding } = decodeCsv(bytes);
  const { headers, rows } = parseCsv(text);
  const unknownCols = Object.keys(mapping).filter((h) => !headers.includes(h));
  if (unknownCols.length) throw intakeErrors.create('intake.csv_unknown_column', { column: unknownCols.join(', ') });
  const modus = await listModus(deps.db.kysely);
  const modusByLabel = new Map(modus.flatMap((m) => [[m.ja.normalize('NFKC'), m.code] as const, [m.code, m.code] as const]));
  const valid: { row: number; input: ConsultationInput; disposition?: string }[] = [];
  const errors: ImportReport['errors'] = [];
  rows.forEach((cells, i) => {
    const rowNo = i + 2; // the header is line 1, as a spreadsheet shows it
    const rec = {} as Record<ImportField, string | undefined>;
    headers.forEach((h, j) => {
      const f = mapping[h];
      if (f) rec[f] = cells[j];
    });
    const parsed = consultationInputSchema.safeParse(rowToInput(rec, modusByLabel));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row: rowNo, field: issue.path.join('.'), message: issue.message });
      return;
    }
    if (!modus.some((m) => m.code === parsed.data.modus && m.active)) {
      errors.push({ row: rowNo, field: 'modus', message: `手口「${parsed.data.modus}」は登録されていません` });
      return;
    }
    const disp = rec.disposition ? byLabel(disposition.labels, rec.disposition) : undefined;
    if (disp && !(disp in disposition.labels)) {
      errors.push({ row: rowNo, field: 'disposition', message: `処理区分「${rec.disposition}」は使えません` });
      return;
    }
    valid.push({ row: rowNo, input: parsed.data, disposition: disp });
  });
  const report = { encoding, rows: rows.length, imported: 0, skipped: errors.length ? new Set(errors.map((e) => e.row)).size : 0, errors };
  if (errors.length && !opts.skipInvalid) {
    const details: ErrorDetail[] = errors.slice(0, 200).map((e) => ({ path: `${e.row}行目.${e.field}`, message: e.message }));
    throw intakeErrors.create('intake.import_invalid', { rows: report.skipped }, { details });
  }
  if (opts.dryRun) return { ...report, imported: 0 };
  const detail = { rows: rows.length, imported: valid.length, skipped: report.skipped, encoding };
  const batchId = await startImport(deps, ctx, detail, now);
  try {
    await stageRows(deps, ctx, batchId, valid, now, opts.afterSlice);
    await publishImport(deps, ctx, batchId, detail);
  } catch (e) {
    // Audited as failed and deleted; should that fail too, the start-up chore finishes it.
    await failImport(deps.db, ctx, batchId, e instanceof AppError ? e.code : 'error').catch(() => undefined);
    throw e;
  }
  // The import is in and visible; clusters follow. Left unfinished, the chore completes them.
  await settleImport(deps.db, batchId).catch(() => undefined);
  return { ...report, imported: valid.length };
}
