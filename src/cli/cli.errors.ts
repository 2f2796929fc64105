import { defineErrors, isAppError } from '../server/core/errors/app-error.js';

/** What the operator at the console can get wrong; `{value}` is what was typed, `{reason}` the schema's word. */
export const cliErrors = defineErrors({
  'cli.invalid_role': { status: 400, ja: '役割が正しくありません: {value}（{reason}）', en: 'unknown role: {value} ({reason})' },
  'cli.invalid_unit_kind': { status: 400, ja: '種別が正しくありません: {value}（{reason}）', en: 'unknown unit kind: {value} ({reason})' },
  'cli.invalid_unit_code': {
    status: 400,
    ja: '所属コードの形式が正しくありません: {value}（{reason}）',
    en: 'invalid unit code: {value} ({reason})',
  },
  'cli.invalid_login_id': {
    status: 400,
    ja: 'ログインIDの形式が正しくありません: {value}（{reason}）',
    en: 'invalid login id: {value} ({reason})',
  },
  'cli.invalid_name': { status: 400, ja: '名称が正しくありません: {value}（{reason}）', en: 'invalid name: {value} ({reason})' },
  'cli.invalid_date': { status: 400, ja: '日時の形式が正しくありません: {value}', en: 'invalid date: {value} (ISO 8601 expected)' },
  'cli.invalid_file_format': {
    status: 400,
    ja: 'ファイルの形式が正しくありません: {value}（{reason}）',
    en: 'unsupported file format: {value} ({reason})',
  },
  'cli.unknown_unit': { status: 404, ja: '所属コードが見つかりません: {value}', en: 'unknown unit code: {value}' },
  'cli.unknown_user': { status: 404, ja: '職員が見つかりません: {value}', en: 'no such user: {value}' },
  'cli.keys_not_file': {
    status: 400,
    ja: '鍵が RENKEI_ENCRYPTION_KEYS で与えられています。古い鍵は環境変数から外してください（使用中の鍵を外すと読めなくなります）',
    en: 'Keys come from RENKEI_ENCRYPTION_KEYS: remove old keys from the variable yourself (removing a key in use makes data unreadable)',
  },
  'cli.backup_missing': { status: 404, ja: 'バックアップが見つかりません: {value}', en: 'no such backup: {value}' },
  'cli.restore_target_exists': {
    status: 409,
    ja: 'データベースが既にあります: {value}（サーバーを止め、移動してから復元してください）',
    en: 'a database is already there: {value} (stop the server and move it aside first)',
  },
  'cli.file_too_large': { status: 413, ja: 'ファイルが大きすぎます（上限 50 MB）: {value}', en: 'file too large (50 MB at most): {value}' },
});
export type CliErrorCode = Parameters<typeof cliErrors.create>[0];

/** Exit codes: 2 for configuration, 1 for everything else that went wrong. */
export function exitCodeFor(e: unknown): number {
  return isAppError(e) && e.code.startsWith('config.') ? 2 : 1;
}

/** One clear message in Japanese and English, never a bare stack trace. */
export function reportError(e: unknown): void {
  if (isAppError(e)) {
    process.stderr.write(`エラー: ${e.messageJa}\nError: ${e.messageEn}\n(${e.code})\n`);
    return;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`エラー: 予期しないエラーが発生しました: ${msg}\nError: unexpected failure: ${msg}\n`);
  if (process.env.RENKEI_LOG_LEVEL === 'debug' && e instanceof Error) process.stderr.write(`${e.stack}\n`);
}

export function runAction<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      reportError(e);
      process.exitCode = exitCodeFor(e);
    }
  };
}
