/** 事件・支援要請: the feature module, and what other features may use (a consultation's cases, 事件化). */
import { defineFeature } from '../../lib/feature.js';
import { canOpenCases } from '../../lib/permissions.js';
import { casesEn } from './cases.i18n.en.js';
import { casesJa } from './cases.i18n.ja.js';
import { casesRoutes } from './cases.routes.js';

export const casesFeature = defineFeature({
  nav: { domain: 'cases', canOpen: canOpenCases },
  routes: casesRoutes,
  i18n: { ja: casesJa, en: casesEn },
});

// For a consultation's page (intake): the cases it became, and 「事件化」.
export { ConsultationCases } from './ConsultationCases.js';
export { OpenCaseAction } from './OpenCaseAction.js';
