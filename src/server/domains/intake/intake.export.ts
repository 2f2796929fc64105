import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { formatJst } from '../../../contracts/datetime.js';
import {
  disposition,
  escalationState,
  intakeCategory,
  intakeChannel,
  intakeKind,
  intakeStatus,
  type ListFilters,
  paymentMethod,
} from '../../../contracts/intake.contracts.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import { withTx } from '../../core/db/db.tx.js';
import { intakeErrors } from './intake.errors.js';
import { partyValues, partyView } from './intake.personal.js';
import { maskNarrative } from './intake.redact.js';
import { filteredQuery, listModus, RECORD_TYPE } from './intake.repository.js';
import type { IntakeDeps } from './intake.usecases.js';

/**
 * CSV and XLSX export of what the caller may read, with the same filters as the list. Personal
 * fields leave masked (a file travels further than a screen), in their columns and where the
 * narrative writes them again (maskNarrative); the export itself is audited.
 */
export const EXPORT_MAX = 50_000;

/** Dates in the file as on screen: JST to the minute (contracts/datetime.ts). */
const jst = (iso: string | null) => (iso ? formatJst(iso) : '');

const columns = [
  '受理番号',
  '受理日時',
  '受理所属',
  '種別',
  '受理方法',
  '分類',
  '手口',
  '件名',
  '被害額',
  '支払方法',
  '状態',
  '報告状態',
  '処理区分',
  '相談者',
  '相談内容',
];

export async function exportRows(deps: IntakeDeps, ctx: RequestCtx, f: ListFilters, format: string): Promise<string[][]> {
  const db = deps.db;
  const q = filteredQuery(db, ctx.principal, f)?.q;
  const rows = q
    ? await q
        .selectAll('c')
        // A lookup, not a join, so the plan walks records by time (see listConsultations).
        .select(sql<string>`(select u.name from unit u where u.id = c.owning_unit_id)`.as('unit_name'))
        .orderBy('c.received_at', 'desc')
        .limit(EXPORT_MAX + 1)
        .execute()
    : [];
  if (rows.length > EXPORT_MAX) throw intakeErrors.create('intake.export_too_large', { max: EXPORT_MAX.toLocaleString('ja-JP') });
  const modus = new Map((await listModus(db.kysely)).map((m) => [m.code, m.ja]));
  await withTx(db, (tx) =>
    audit(tx, ctx, {
      action: 'intake.export',
      target: { type: RECORD_TYPE, id: null },
      detail: { rows: rows.length, format, filters: JSON.stringify(f) },
    }),
  );
  const label = <K extends string>(l: Record<K, { ja: string }>, v: string | null) => (v ? (l[v as K]?.ja ?? v) : '');
  return [
    columns,
    ...rows.map((r) => [
      r.ref_no,
      jst(r.received_at),
      r.unit_name,
      label(intakeKind.labels, r.kind),
      label(intakeChannel.labels, r.channel),
      label(intakeCategory.labels, r.category),
      modus.get(r.modus) ?? r.modus,
      r.summary,
      r.damage_amount === null ? '' : String(r.damage_amount),
      label(paymentMethod.labels, r.payment_method),
      label(intakeStatus.labels, r.status),
      label(escalationState.labels, r.escalation),
      label(disposition.labels, r.disposition),
      partyView(deps.keyring, r, 'complainant')?.name ?? '',
      maskNarrative(r.narrative, partyValues(deps.keyring, r)),
    ]),
  ];
}

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
export function toCsv(rows: string[][], encoding: 'utf8' | 'sjis'): Buffer {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const text = `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
  return encoding === 'sjis' ? iconv.encode(text, 'cp932') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export async function toXlsx(rows: string[][]): Promise<Buffer> {
  // exceljs (with its zip libraries) takes most of a second to load: only an XLSX export needs it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Renkei';
  const ws = wb.addWorksheet('相談等一覧');
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
