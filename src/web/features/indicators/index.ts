/** 指標・相関分析: the feature module and what other features may use (labels, highlighting, extraction). */
import { defineFeature } from '../../lib/feature.js';
import { canOpenIndicators } from '../../lib/permissions.js';
import { indicatorsEn } from './indicators.i18n.en.js';
import { indicatorsJa } from './indicators.i18n.ja.js';
import { indicatorsRoutes } from './indicators.routes.js';

export const indicatorsFeature = defineFeature({
  nav: { domain: 'indicators', canOpen: canOpenIndicators },
  routes: indicatorsRoutes,
  i18n: { ja: indicatorsJa, en: indicatorsEn },
});

export { extractIndicators } from './api.js';
export { type HighlightableHit, HighlightedText } from './HighlightedText.js';
export { IndicatorAnchor } from './IndicatorAnchor.js';
export { useIndicatorTypeLabel, useRecordTypeLabel } from './labels.js';
export { RecordLink } from './RecordLink.js';
export { RelatedNotices } from './related/RelatedNotices.js';
export { TypeBadge } from './TypeBadge.js';
