import fs from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import { roleLabels, roles, unitKinds } from '../contracts/roles.contracts.js';
import { cliCtx } from '../server/core/audit/audit.context.js';
import { describeChainReport, verifyAuditChain } from '../server/core/audit/audit.verify.js';
import { audit as writeAuditEvent } from '../server/core/audit/audit.writer.js';
import { loadConfig } from '../server/core/config/config.js';
import { auditKeyUsage, keyUsage, reencryptAll } from '../server/core/crypto/crypto.fields.js';
import { addKeyToFile, KEY_RELOAD_MS, keyIdsInFile, loadKeyring, retireKeysInFile } from '../server/core/crypto/crypto.keysource.js';
import type { Db } from '../server/core/db/db.open.js';
import { withTx } from '../server/core/db/db.tx.js';
import { exportAudit } from '../server/domains/audit/index.js';
import { hashPassword } from '../server/domains/auth/index.js';
import { createUnit, createUser, listUnits, resetPassword, unlockUser } from '../server/domains/org/index.js';
import { encryptedFields } from '../server/modules.js';
import { withAnchoredDb } from './cli.db.js';
import { cliErrors, runAction } from './cli.errors.js';
import { cliInput, parseInput } from './cli.input.js';
import { progressBar } from './cli.progress.js';

/** The operator at the server's console: recorded in the trail as the CLI and the OS account. */

function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  return withAnchoredDb(loadConfig(), fn);
}

async function unitIdByCode(db: Db, code: string): Promise<string> {
  const u = (await listUnits(db.kysely)).find((x) => x.code === code);
  if (!u) throw cliErrors.create('cli.unknown_unit', { value: code });
  return u.id;
}

export function registerAdminCommands(program: Command): void {
  const audit = program.command('audit').description('監査ログ / audit trail');
  audit
    .command('verify')
    .description('ハッシュチェーンを検査する / walk the hash chain and report the first broken link')
    .action(
      runAction(async () => {
        const r = await withDb((db) => verifyAuditChain(db));
        process.stdout.write(`${describeChainReport(r)}\n`);
        if (!r.ok) process.exitCode = 3;
      }),
    );
  audit
    .command('export')
    .description('JSON Lines で出力する / export as JSON Lines')
    .argument('[file]', '出力ファイル（省略時は標準出力）/ output file (default stdout)')
    .option('--from <iso>', '開始日時（UTC, ISO 8601）')
    .option('--to <iso>', '終了日時（UTC, ISO 8601、含まない）')
    .action(
      runAction(async (file: string | undefined, opts: { from?: string; to?: string }) => {
        const instant = (v: string | undefined) =>
          v ? new Date(parseInput(cliInput.date, v, 'cli.invalid_date')).toISOString() : undefined;
        const from = instant(opts.from);
        const to = instant(opts.to);
        const out = file ? fs.createWriteStream(file, { mode: 0o600 }) : process.stdout;
        const n = await withDb((db) =>
          exportAudit(db, out, { from, to, by: `cli:${os.userInfo().username}` }, (k) => process.stderr.write(`\r${k} 件`)),
        );
        if (file) await new Promise<void>((res) => (out as fs.WriteStream).end(res));
        process.stderr.write(`\n${n} 件を出力しました / exported ${n} events\n`);
      }),
    );

  const keys = program.command('keys').description('暗号鍵 / encryption keys');
  keys
    .command('rotate')
    .description('新しい鍵で個人情報を再暗号化する / re-encrypt personal data under a new key')
    .action(
      runAction(async () => {
        const config = loadConfig();
        if (config.keys.kind === 'file') {
          // Prove the current key fits before adding a new one.
          await withDb(async () => {});
          const id = addKeyToFile(config.keys.path);
          process.stderr.write(`新しい鍵 ${id} を追加しました / added key ${id}\n`);
          // Running servers look at the key file every KEY_RELOAD_MS; once they hold the new key they
          // write under it, so nothing is sealed under the old key after the re-encryption below.
          const wait = KEY_RELOAD_MS * 2;
          process.stderr.write(
            `稼働中のサーバーが新しい鍵を読み込むまで ${wait / 1000} 秒待ちます / waiting ${wait / 1000} s for running servers to load it\n`,
          );
          await new Promise((res) => setTimeout(res, wait));
        } else {
          process.stderr.write(
            'RENKEI_ENCRYPTION_KEYS の先頭の鍵で再暗号化します / re-encrypting to the first key in RENKEI_ENCRYPTION_KEYS\n',
          );
        }
        const keyring = loadKeyring(config.keys);
        await withAnchoredDb(
          config,
          async (db) => {
            const bar = progressBar('再暗号化 / re-encrypting');
            const r = await reencryptAll(db, keyring, encryptedFields);
            await withTx(db, (tx) =>
              writeAuditEvent(tx, cliCtx(), {
                action: 'crypto.rotate',
                target: keyring.activeId,
                detail: { reencrypted: r.reencrypted },
              }),
            );
            bar.update(1, 1);
            bar.done();
            process.stdout.write(`${r.reencrypted} 件を鍵 ${keyring.activeId} で再暗号化しました / re-encrypted ${r.reencrypted} values\n`);
          },
          keyring,
        );
      }),
    );

  keys
    .command('retire')
    .description(
      'どの暗号化された値にも使われていない古い鍵を削除する（監査ログ検証用の派生鍵は残す） / remove keys no encrypted value uses (keeping audit MAC keys)',
    )
    .action(
      runAction(async () => {
        const config = loadConfig();
        if (config.keys.kind !== 'file') throw cliErrors.create('cli.keys_not_file');
        const keyFile = config.keys.path;
        await withDb(async (db) => {
          const ring = loadKeyring(config.keys);
          const ids = keyIdsInFile(keyFile).filter((id) => id !== ring.activeId);
          const usage = await keyUsage(db, encryptedFields, ids);
          const signed = await auditKeyUsage(db, ids);
          const { removed, auditOnly } = retireKeysInFile(
            keyFile,
            (id) => (usage[id] ?? 0) > 0,
            (id) => (signed[id] ?? 0) > 0,
          );
          await withTx(db, (tx) =>
            writeAuditEvent(tx, cliCtx(), {
              action: 'crypto.retire',
              target: ring.activeId,
              detail: { removed: removed.join(','), auditOnly: auditOnly.join(',') },
            }),
          );
          for (const id of removed)
            process.stdout.write(
              auditOnly.includes(id)
                ? `鍵 ${id} を削除しました（署名済みの監査ログ ${signed[id]} 件の検証用に、復号には使えない監査用の派生鍵だけを残します） / retired key ${id}; only its audit MAC key is kept to verify ${signed[id]} signed audit events\n`
                : `鍵 ${id} を削除しました / retired key ${id}\n`,
            );
          for (const id of ids.filter((x) => !removed.includes(x)))
            process.stdout.write(
              `鍵 ${id} はまだ ${usage[id]} 件の暗号化された値（個人情報、証拠ファイルの鍵）に使われているため残します。先に renkei keys rotate を実行してください / key ${id} still seals ${usage[id]} values (personal data, evidence file keys) and stays; run renkei keys rotate first\n`,
            );
          if (ids.length === 0) process.stdout.write('削除できる古い鍵はありません / no old keys to retire\n');
        });
      }),
    );

  const unit = program.command('unit').description('所属 / units');
  unit
    .command('list')
    .description('所属の一覧 / list units')
    .action(
      runAction(async () => {
        const units = await withDb((db) => listUnits(db.kysely));
        for (const u of units) process.stdout.write(`${u.code}\t${u.kind}\t${u.name}\n`);
      }),
    );
  unit
    .command('add')
    .description('所属を追加する / add a unit')
    .requiredOption('--code <code>', '所属コード（例 ST-NEW）')
    .requiredOption('--name <name>', '名称')
    .requiredOption('--name-en <nameEn>', '英語名称')
    .requiredOption('--kind <kind>', `種別: ${unitKinds.join(' | ')}`)
    .option('--parent <code>', '上位所属のコード')
    .action(
      runAction(async (o: { code: string; name: string; nameEn: string; kind: string; parent?: string }) => {
        const kind = parseInput(cliInput.unitKind, o.kind, 'cli.invalid_unit_kind');
        const code = parseInput(cliInput.unitCode, o.code, 'cli.invalid_unit_code');
        const name = parseInput(cliInput.displayName, o.name, 'cli.invalid_name');
        const nameEn = parseInput(cliInput.displayName, o.nameEn, 'cli.invalid_name');
        const u = await withDb(async (db) =>
          createUnit(db, cliCtx(), {
            code,
            name,
            nameEn,
            kind,
            parentId: o.parent ? await unitIdByCode(db, o.parent) : null,
            prefectureWide: false,
          }),
        );
        process.stdout.write(`所属を作成しました / created: ${u.code} ${u.name}\n`);
      }),
    );

  const user = program.command('user').description('職員アカウント / user accounts');
  user
    .command('add')
    .description('職員を追加する（仮パスワードを表示）/ add a user and print a temporary password')
    .requiredOption('--login <loginId>', 'ログインID')
    .requiredOption('--name <displayName>', '氏名')
    .requiredOption('--unit <code>', '所属コード')
    .requiredOption('--role <role>', `役割: ${roles.join(' | ')}`)
    .action(
      runAction(async (o: { login: string; name: string; unit: string; role: string }) => {
        const role = parseInput(cliInput.role, o.role, 'cli.invalid_role');
        const loginId = parseInput(cliInput.loginId, o.login, 'cli.invalid_login_id');
        const displayName = parseInput(cliInput.displayName, o.name, 'cli.invalid_name');
        const unitCode = parseInput(cliInput.unitCode, o.unit, 'cli.invalid_unit_code');
        const r = await withDb(async (db) =>
          createUser(db, hashPassword, cliCtx(), {
            loginId,
            displayName,
            unitId: await unitIdByCode(db, unitCode),
            role,
          }),
        );
        process.stdout.write(
          `${r.user.loginId}（${roleLabels[r.user.role].ja}）を作成しました。仮パスワード: ${r.temporaryPassword}\n（初回ログイン時に変更が必要です / must be changed at first login）\n`,
        );
      }),
    );
  user
    .command('reset-password')
    .description('仮パスワードを再発行する / issue a new temporary password')
    .argument('<loginId>')
    .action(
      runAction(async (loginId: string) => {
        const r = await withDb(async (db) => {
          const row = await db.kysely.selectFrom('app_user').select('id').where('login_id', '=', loginId).executeTakeFirst();
          if (!row) throw cliErrors.create('cli.unknown_user', { value: loginId });
          return resetPassword(db, hashPassword, cliCtx(), row.id);
        });
        process.stdout.write(`仮パスワード / temporary password: ${r.temporaryPassword}\n`);
      }),
    );
  user
    .command('unlock')
    .description('ロックを解除する / unlock an account')
    .argument('<loginId>')
    .action(
      runAction(async (loginId: string) => {
        await withDb(async (db) => {
          const row = await db.kysely.selectFrom('app_user').select('id').where('login_id', '=', loginId).executeTakeFirst();
          if (!row) throw cliErrors.create('cli.unknown_user', { value: loginId });
          await unlockUser(db, cliCtx(), row.id);
        });
        process.stdout.write(`${loginId} のロックを解除しました / unlocked\n`);
      }),
    );
}
