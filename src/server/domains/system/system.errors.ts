import { defineErrors } from '../../core/errors/app-error.js';

export const systemErrors = defineErrors({
  'system.job_not_failed': {
    status: 409,
    ja: 'このジョブは失敗状態ではないため再実行できません',
    en: 'Only a failed job can be retried',
  },
});
