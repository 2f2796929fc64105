import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { ensureWritableDir } from '../config/data-dir.js';
import { openDb, sqliteBackup } from './db.open.js';

const mode = (f: string) => fs.statSync(f).mode & 0o777;

test('the SQLite database, its WAL and its backups are readable by the server account only', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-modes-'));
  const old = process.umask(0o022); // the usual umask, under which files default to 0644
  try {
    const dataDir = path.join(root, 'data');
    ensureWritableDir(dataDir);
    assert.equal(mode(dataDir), 0o700);
    const file = path.join(dataDir, 'renkei.sqlite');
    const db = await openDb({ engine: 'sqlite', file });
    await sql`create table t (x text)`.execute(db.kysely);
    await sql`insert into t values ('山田太郎')`.execute(db.kysely);
    assert.equal(mode(file), 0o600);
    assert.equal(mode(`${file}-wal`), 0o600);
    const backup = path.join(root, 'backups', 'renkei-backup.sqlite');
    await sqliteBackup(file, backup);
    assert.equal(mode(backup), 0o600);
    assert.equal(mode(path.dirname(backup)), 0o700);
    await db.close();

    // A database left world-readable by an older version is narrowed when it is next opened.
    fs.chmodSync(file, 0o644);
    const again = await openDb({ engine: 'sqlite', file });
    assert.equal(mode(file), 0o600);
    await again.close();
  } finally {
    process.umask(old);
    fs.rmSync(root, { recursive: true, force: true });
  }
});
