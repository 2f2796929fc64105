import { defineErrors } from '../errors/app-error.js';

export const cryptoErrors = defineErrors({
  'crypto.key_missing': {
    status: 500,
    ja: '暗号鍵が見つかりません: {where}。個人情報を平文で扱うことはできないため起動を中止します。',
    en: 'No encryption key found: {where}. Renkei will not run with personal data in plaintext.',
  },
  'crypto.key_invalid': {
    status: 500,
    ja: '暗号鍵の形式が正しくありません: {reason}',
    en: 'The encryption key is malformed: {reason}',
  },
  'crypto.key_mismatch': {
    status: 500,
    ja: '暗号鍵がこのデータベースと一致しません（鍵ID: {keyId}）。正しい鍵を指定してください。',
    en: 'The encryption key does not match this database (key id: {keyId}). Supply the right key.',
  },
  'crypto.unknown_key': {
    status: 500,
    ja: 'データの暗号化に使われた鍵（{keyId}）が鍵束にありません',
    en: 'The key that encrypted this value ({keyId}) is not in the keyring',
  },
  'crypto.decrypt_failed': {
    status: 500,
    ja: '暗号化されたデータを復号できません（改ざんまたは鍵の誤り）',
    en: 'Encrypted data could not be decrypted (tampered with, or wrong key)',
  },
});
