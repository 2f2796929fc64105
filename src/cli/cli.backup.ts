import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/core/config/config.js';
import { ensureWritableDir } from '../server/core/config/data-dir.js';
import { describeTarget, sqliteBackup } from '../server/core/db/db.open.js';
import { backupFiles, filesBackupDir, restoreFiles } from '../server/core/files/files.backup.js';
import { dbTargetOf, openAndMigrate } from '../server/open.js';
import { cliErrors, runAction } from './cli.errors.js';
import { progressBar } from './cli.progress.js';

/**
 * `renkei backup` / `renkei restore`. On SQLite a backup is the database copy plus the data
 * directory's evidence files beside it (`<file>.files/`); on PostgreSQL evidence is in the
 * database (`file_chunk`), so pg_dump / pg_restore carry everything. Neither holds the master key:
 * it is backed up apart (SECURITY.md).
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('データベースと証拠ファイルをバックアップする / back up the database and evidence files')
    .argument('[file]', '出力ファイル / output file (SQLite)')
    .action(
      runAction(async (file?: string) => {
        const config = loadConfig();
        const target = dbTargetOf(config);
        if (target.engine === 'postgres') {
          process.stdout.write(
            `PostgreSQL は pg_dump でバックアップしてください（証拠ファイルもデータベース内にあります） / back up PostgreSQL with pg_dump (evidence files are in the database too):\n  pg_dump --format=custom --file=renkei-$(date +%Y%m%d).dump "$DATABASE_URL"\n  (${describeTarget(target)})\n`,
          );
          return;
        }
        // Open and migrate first: it proves the file is a Renkei database before we copy it.
        const db = await openAndMigrate(config);
        await db.close();
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const dest = path.resolve(file ?? path.join(config.dataDir, `renkei-backup-${stamp}.sqlite`));
        const bar = progressBar('バックアップ / backup');
        await sqliteBackup(target.file, dest, bar.update);
        bar.done();
        // After the database copy, so every row in it finds its file.
        const files = backupFiles(config.dataDir, dest);
        process.stdout.write(`バックアップを作成しました / backup written: ${dest}\n`);
        if (files > 0) process.stdout.write(`証拠ファイル ${files} 件 / evidence files: ${filesBackupDir(dest)}\n`);
      }),
    );

  program
    .command('restore')
    .description('バックアップから復元する（サーバー停止中に） / restore a backup (with the server stopped)')
    .argument('<file>', 'バックアップファイル / backup file (SQLite)')
    .action(
      runAction(async (file: string) => {
        const config = loadConfig();
        const target = dbTargetOf(config);
        if (target.engine === 'postgres') {
          process.stdout.write(
            `PostgreSQL は pg_restore で空のデータベースへ復元してください / restore PostgreSQL into an empty database with pg_restore:\n  pg_restore --dbname="$DATABASE_URL" ${file}\n  (${describeTarget(target)})\n`,
          );
          return;
        }
        const src = path.resolve(file);
        if (!fs.existsSync(src)) throw cliErrors.create('cli.backup_missing', { value: src });
        // Never over a live or newer database: the operator moves it aside, so nothing is lost by a typo.
        if (fs.existsSync(target.file)) throw cliErrors.create('cli.restore_target_exists', { value: target.file });
        ensureWritableDir(config.dataDir);
        const files = restoreFiles(src, config.dataDir);
        fs.copyFileSync(src, target.file, fs.constants.COPYFILE_EXCL);
        fs.chmodSync(target.file, 0o600);
        // Proves the copy is a Renkei database and brings an older backup's schema up to date.
        const db = await openAndMigrate(config);
        await db.close();
        process.stdout.write(
          `復元しました / restored: ${target.file}（証拠ファイル ${files} 件 / evidence files: ${files}）\n` +
            '監査チェックポイントが復元より新しい場合は移動してください / move a newer audit checkpoint aside (ARCHITECTURE.md)\n',
        );
      }),
    );
}
