import { defineErrors } from './app-error.js';

/** Errors of the foundation: configuration, storage, HTTP edge, jobs. */
export const coreErrors = defineErrors({
  'config.unknown_variable': {
    status: 500,
    ja: '不明な設定項目です: {name}（綴りを確認してください）',
    en: 'Unknown configuration variable: {name} (check the spelling)',
  },
  'config.invalid_value': {
    status: 500,
    ja: '設定値が不正です: {name} — {reason}',
    en: 'Invalid configuration value: {name} — {reason}',
  },
  'config.data_dir_unwritable': {
    status: 500,
    ja: 'データディレクトリに書き込めません: {path}（{reason}）',
    en: 'The data directory is not writable: {path} ({reason})',
  },
  'db.unreachable': {
    status: 503,
    ja: 'データベースに接続できません: {target}（{reason}）',
    en: 'Cannot connect to the database: {target} ({reason})',
  },
  'db.sqlite_corrupt': {
    status: 500,
    ja: 'SQLite ファイルが破損しているか、データベースではありません: {path}',
    en: 'The SQLite file is corrupted or not a database: {path}',
  },
  'db.schema_newer': {
    status: 500,
    ja: 'このデータベースは新しい版の連携で作成されています（未知のマイグレーション: {names}）。連携を更新してください。',
    en: 'This database was written by a newer version of Renkei (unknown migrations: {names}). Upgrade Renkei.',
  },
  'db.migration_failed': {
    status: 500,
    ja: 'マイグレーションに失敗しました: {name}',
    en: 'Migration failed: {name}',
  },
  'http.port_in_use': {
    status: 500,
    ja: 'ポート {port} は既に使用されています。RENKEI_PORT で別のポートを指定してください。',
    en: 'Port {port} is already in use. Choose another with RENKEI_PORT.',
  },
  'http.validation_failed': {
    status: 400,
    ja: '入力内容に誤りがあります',
    en: 'The request is invalid',
  },
  'http.malformed_json': {
    status: 400,
    ja: 'JSON の形式が正しくありません',
    en: 'The request body is not valid JSON',
  },
  'http.invalid_utf8': {
    status: 400,
    ja: '要求の本文に UTF-8 として読めない文字があります。文字コードを UTF-8 にして送ってください。',
    en: 'The request body is not valid UTF-8. Send it encoded as UTF-8.',
  },
  'http.unsupported_media_type': {
    status: 415,
    ja: 'この形式のデータは受け付けられません（Content-Type: application/json を指定してください）',
    en: 'Unsupported content type (send application/json)',
  },
  'http.body_too_large': {
    status: 413,
    ja: '送信データが大きすぎます（上限 {limit}）',
    en: 'The request body is too large (limit {limit})',
  },
  'http.not_found': {
    status: 404,
    ja: '指定された URL は存在しません',
    en: 'No such URL',
  },
  'http.internal': {
    status: 500,
    ja: 'サーバー内部でエラーが発生しました。時間をおいて再度お試しください。（要求ID: {requestId}）',
    en: 'Internal server error. Please try again later. (request id: {requestId})',
  },
  'http.rate_limited': {
    status: 429,
    ja: '要求が多すぎます。しばらく待ってから再度お試しください。',
    en: 'Too many requests. Please wait and try again.',
  },
  'http.service_unavailable': {
    status: 503,
    ja: 'サーバーは停止処理中です',
    en: 'The server is shutting down',
  },
  'job.unknown_kind': {
    status: 400,
    ja: '未登録のジョブ種別です: {kind}',
    en: 'Unknown job kind: {kind}',
  },
});

/** 52428800 → "50 MB": people read sizes, not byte counts. */
function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toLocaleString('ja-JP', { maximumFractionDigits: 1 })} MB`;
  if (n >= 1024) return `${(n / 1024).toLocaleString('ja-JP', { maximumFractionDigits: 1 })} KB`;
  return `${n} B`;
}

/** A body over `limit` bytes: from Fastify's own check, or from a streamed upload counting as it reads. */
export const bodyTooLarge = (limit: number) => coreErrors.create('http.body_too_large', { limit: bytes(limit) });
