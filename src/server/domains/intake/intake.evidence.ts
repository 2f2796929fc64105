import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { EncryptedField } from '../../core/crypto/crypto.fields.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import { type FileStore, fileKeyAad, type StoredFile } from '../../core/files/files.store.js';
import type { Logger } from '../../core/log/logger.js';
import { intakeErrors } from './intake.errors.js';
import { addEvent, findReadable, RECORD_TYPE, type Viewer } from './intake.repository.js';

/**
 * Evidence files attached to a consultation (screenshots, mails, SMS exports). Streamed in,
 * encrypted at rest (core/files), listed with the plaintext's SHA-256 so a copy can be verified,
 * sent back only as a download after the stored file proved intact.
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
  f: { name: string; declaredType: string | null; content: Readable | Buffer; maxBytes?: number },
  now = new Date(),
): Promise<EvidenceView> {
  const row = await findReadable(db.kysely, ctx.principal, consultationId);
  if (!row || (ctx.principal.scope !== 'prefecture' && row.owning_unit_id !== ctx.principal.unitId))
    throw intakeErrors.create('intake.not_found');
  let stored = await files.put(f.content, { maxBytes: f.maxBytes });
  if (stored.size === 0) {
    await files.remove(stored.blobId);
    throw intakeErrors.create('intake.empty_file');
  }
  // The same evidence attached twice to this record is stored once; never across records, so
  // nothing on disk links two stations' records that hold the same file.
  const same = await db.kysely
    .selectFrom('evidence_file')
    .select(['blob_id', 'data_key_enc', 'size'])
    .where('record_type', '=', RECORD_TYPE)
    .where('record_id', '=', consultationId)
    .where('sha256', '=', stored.sha256)
    .where('blob_id', 'is not', null)
    .executeTakeFirst();
  if (same?.blob_id && same.data_key_enc) {
    await files.remove(stored.blobId);
    stored = { blobId: same.blob_id, dataKey: same.data_key_enc, sha256: stored.sha256, size: stored.size };
  }
  const { sha256, size } = stored;
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
        blob_id: stored.blobId,
        data_key_enc: stored.dataKey,
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
  if (!f?.blob_id || !f.data_key_enc) throw intakeErrors.create('intake.file_not_found');
  let content: Readable;
  try {
    content = await files.open({ blobId: f.blob_id, dataKey: f.data_key_enc, sha256: f.sha256, size: Number(f.size) });
  } catch (e) {
    if ((e as { code?: string }).code === 'files.missing') throw intakeErrors.create('intake.file_not_found');
    throw e;
  }
  await withTx(db, (tx) =>
    audit(tx, ctx, {
      action: 'intake.evidence.download',
      target: consultationId,
      detail: { file: fileId, sha256: f.sha256 },
    }),
  );
  return { fileName: f.file_name, content };
}

/** Registered with key rotation: each stored file's data key, bound to the file's name. */
export const evidenceEncryptedField: EncryptedField = {
  table: 'evidence_file',
  idColumn: 'blob_id',
  column: 'data_key_enc',
  aad: fileKeyAad,
};

/**
 * The upgrade step for files stored before encryption (plaintext, named by SHA-256, shared by
 * every record holding the same file): each record's copy is encrypted into its own stored file,
 * checked against the recorded hash, and the plaintext is deleted once no row needs it. Runs at
 * start-up and does nothing once every row has a stored file; a missing plaintext is logged and
 * its row stays unreadable (as it was).
 */
export async function encryptLegacyEvidence(db: Db, files: FileStore, logger: Logger): Promise<number> {
  const rows = await db.kysely
    .selectFrom('evidence_file')
    .select(['record_type', 'record_id', 'sha256'])
    .where('blob_id', 'is', null)
    .groupBy(['record_type', 'record_id', 'sha256'])
    .execute();
  let done = 0;
  const upgraded = new Set<string>();
  for (const r of rows) {
    const plain = files.legacy(r.sha256);
    if (!plain) {
      logger.warn({ recordId: r.record_id, sha256: r.sha256 }, 'legacy evidence file missing: left as is');
      continue;
    }
    let stored: StoredFile;
    try {
      stored = await files.put(plain.open());
    } catch (e) {
      logger.error({ err: e, sha256: r.sha256 }, 'legacy evidence file could not be encrypted');
      continue;
    }
    if (stored.sha256 !== r.sha256) {
      await files.remove(stored.blobId);
      logger.error({ recordId: r.record_id, sha256: r.sha256 }, 'legacy evidence file does not match its recorded SHA-256: left as is');
      continue;
    }
    await db.kysely
      .updateTable('evidence_file')
      .set({ blob_id: stored.blobId, data_key_enc: stored.dataKey })
      .where('record_type', '=', r.record_type)
      .where('record_id', '=', r.record_id)
      .where('sha256', '=', r.sha256)
      .where('blob_id', 'is', null)
      .execute();
    upgraded.add(r.sha256);
    done++;
  }
  for (const sha256 of upgraded) {
    const left = await db.kysely
      .selectFrom('evidence_file')
      .select('id')
      .where('sha256', '=', sha256)
      .where('blob_id', 'is', null)
      .executeTakeFirst();
    if (!left) files.legacy(sha256)?.remove();
  }
  if (done > 0) logger.info({ files: done }, 'legacy evidence files encrypted at rest');
  return done;
}
