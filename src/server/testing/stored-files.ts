import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../core/db/db.open.js';
import { CHUNK_SIZE } from '../core/files/files.chunks.js';

/**
 * What a file store holds, wherever the engine keeps it (`Dialect.fileContent`): tests look at and
 * damage stored ciphertext the same way on SQLite (the data directory) and PostgreSQL (`file_chunk`).
 */
export interface StoredPlace {
  db: Db;
  dataDir: string;
}

const onDisk = (p: StoredPlace, blobId: string) => path.join(p.dataDir, 'files', blobId.slice(0, 2), blobId);

export async function storedBytes(p: StoredPlace, blobId: string): Promise<Buffer> {
  if (p.db.dialect.fileContent === 'dataDir') return fs.readFileSync(onDisk(p, blobId));
  const rows = await p.db.kysely.selectFrom('file_chunk').select('data').where('file_id', '=', blobId).orderBy('seq').execute();
  return Buffer.concat(rows.map((r) => Buffer.from(r.data)));
}

export async function replaceStored(p: StoredPlace, blobId: string, bytes: Buffer): Promise<void> {
  if (p.db.dialect.fileContent === 'dataDir') return fs.writeFileSync(onDisk(p, blobId), bytes);
  await p.db.kysely.deleteFrom('file_chunk').where('file_id', '=', blobId).execute();
  for (let at = 0, seq = 0; at < bytes.length; at += CHUNK_SIZE, seq++)
    await p.db.kysely
      .insertInto('file_chunk')
      .values({ file_id: blobId, seq, data: bytes.subarray(at, at + CHUNK_SIZE) })
      .execute();
}

/** Every stored file's bytes (the data directory's files, or each file's chunks joined). */
export async function allStored(p: StoredPlace): Promise<Buffer[]> {
  if (p.db.dialect.fileContent === 'dataDir') {
    const root = path.join(p.dataDir, 'files');
    if (!fs.existsSync(root)) return [];
    return fs
      .readdirSync(root, { recursive: true })
      .map((f) => path.join(root, String(f)))
      .filter((f) => fs.statSync(f).isFile())
      .map((f) => fs.readFileSync(f));
  }
  const ids = await p.db.kysely.selectFrom('file_chunk').select('file_id').distinct().execute();
  return Promise.all(ids.map((r) => storedBytes(p, r.file_id)));
}

/** How many files the store holds. */
export async function storedCount(p: StoredPlace): Promise<number> {
  if (p.db.dialect.fileContent === 'dataDir') return (await allStored(p)).length;
  const r = await sql<{ n: number }>`select count(distinct file_id) as n from file_chunk`.execute(p.db.kysely);
  return Number(r.rows[0]?.n ?? 0);
}
