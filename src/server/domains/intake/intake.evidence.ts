import { randomUUID } from 'node:crypto';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import type { FileStore } from '../../core/files/files.store.js';
import { intakeErrors } from './intake.errors.js';
import { addEvent, findReadable, RECORD_TYPE, type Viewer } from './intake.repository.js';

/**
 * Evidence files attached to a consultation (screenshots, mails, SMS exports). Hashed on upload,
 * stored by hash, listed with the hash so a copy can be verified, sent back only as a download.
 */
export interface EvidenceView {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  declaredType: string | null;
  uploadedAt: string;
  uploadedByName: string | null;
}

/** A file name as shown and downloaded: no path, no control characters, not empty. */
const HIDDEN_MARKS = /^[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]$/;

export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = Array.from(base)
    // Control characters, and the direction and invisible marks that make 「invoice‮fdp.exe」 read as a PDF.
    .filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20 && ch !== '\u007f' && ch !== '"' && !HIDDEN_MARKS.test(ch))
    .join('')
    .trim()
    .slice(0, 200);
  return clean || 'file';
}

export async function attachEvidence(
  db: Db,
  files: FileStore,
  ctx: RequestCtx,
  consultationId: string,
  f: { name: string; declaredType: string | null; bytes: Buffer },
  now = new Date(),
): Promise<EvidenceView> {
  const row = await findReadable(db.kysely, ctx.principal, consultationId);
  if (!row || (ctx.principal.scope !== 'prefecture' && row.owning_unit_id !== ctx.principal.unitId))
    throw intakeErrors.create('intake.not_found');
  if (f.bytes.length === 0) throw intakeErrors.create('intake.empty_file');
  const { sha256, size } = files.put(f.bytes);
  const id = randomUUID();
  const fileName = cleanFileName(f.name);
  await withTx(db, async (tx) => {
    await tx.kysely
      .insertInto('evidence_file')
      .values({
        id,
        record_type: RECORD_TYPE,
        record_id: consultationId,
        owning_unit_id: row.owning_unit_id,
        file_name: fileName,
        size,
        sha256,
        declared_type: f.declaredType,
        uploaded_by: ctx.principal.userId,
        uploaded_at: now.toISOString(),
      })
      .execute();
    await addEvent(
      tx.kysely,
      {
        consultationId,
        kind: 'evidence',
        actorUserId: ctx.principal.userId,
        actorUnitId: ctx.principal.unitId,
        text: fileName,
        detail: { sha256, size },
      },
      now,
    );
    await audit(tx, ctx, {
      action: 'intake.evidence.attach',
      target: consultationId,
      detail: { file: id, sha256, size },
    });
  });
  return {
    id,
    fileName,
    size,
    sha256,
    declaredType: f.declaredType,
    uploadedAt: now.toISOString(),
    uploadedByName: ctx.principal.displayName,
  };
}

export async function listEvidence(db: Db, v: Viewer, consultationId: string): Promise<EvidenceView[]> {
  if (!(await findReadable(db.kysely, v, consultationId))) throw intakeErrors.create('intake.not_found');
  const rows = await db.kysely
    .selectFrom('evidence_file as f')
    .leftJoin('app_user as u', 'u.id', 'f.uploaded_by')
    .select(['f.id', 'f.file_name', 'f.size', 'f.sha256', 'f.declared_type', 'f.uploaded_at', 'u.display_name'])
    .where('f.record_type', '=', RECORD_TYPE)
    .where('f.record_id', '=', consultationId)
    .orderBy('f.uploaded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    size: Number(r.size),
    sha256: r.sha256,
    declaredType: r.declared_type,
    uploadedAt: r.uploaded_at,
    uploadedByName: r.display_name,
  }));
}

/** A download: the record must be readable; the read is audited (evidence may hold personal data). */
export async function fetchEvidence(db: Db, files: FileStore, ctx: RequestCtx, consultationId: string, fileId: string) {
  if (!(await findReadable(db.kysely, ctx.principal, consultationId))) throw intakeErrors.create('intake.not_found');
  const f = await db.kysely
    .selectFrom('evidence_file')
    .selectAll()
    .where('id', '=', fileId)
    .where('record_type', '=', RECORD_TYPE)
    .where('record_id', '=', consultationId)
    .executeTakeFirst();
  const bytes = f ? files.read(f.sha256) : null;
  if (!f || !bytes) throw intakeErrors.create('intake.file_not_found');
  await withTx(db, (tx) =>
    audit(tx, ctx, {
      action: 'intake.evidence.download',
      target: consultationId,
      detail: { file: fileId, sha256: f.sha256 },
    }),
  );
  return { fileName: f.file_name, bytes };
}
