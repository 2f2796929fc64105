import { defineErrors } from '../../core/errors/app-error.js';

export const indicatorErrors = defineErrors({
  'indicators.not_found': { status: 404, ja: '指標が見つかりません', en: 'Indicator not found' },
});
