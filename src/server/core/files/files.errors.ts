import { defineErrors } from '../errors/app-error.js';

export const filesErrors = defineErrors({
  'files.corrupt': {
    status: 500,
    ja: '保存されたファイルが破損しているか改ざんされています（{reason}）。内容は送信しません。',
    en: 'The stored file is damaged or was tampered with ({reason}); its content is not sent.',
  },
  'files.restore_target_not_empty': {
    status: 409,
    ja: '復元先のファイル保存場所が空ではありません: {path}（移動してから復元してください）',
    en: 'The files directory to restore into is not empty: {path} (move it aside first)',
  },
  'files.missing': {
    status: 404,
    ja: '保存されたファイルが見つかりません',
    en: 'The stored file was not found',
  },
});
