/** システム管理 (users, units, audit, jobs): the feature module and what other features may use. */
import { defineFeature } from '../../lib/feature.js';
import { canOpenAdmin } from '../../lib/permissions.js';
import { adminEn } from './admin.i18n.en.js';
import { adminJa } from './admin.i18n.ja.js';
import { adminRoutes } from './admin.routes.js';

export const adminFeature = defineFeature({
  nav: { domain: 'admin', canOpen: canOpenAdmin },
  routes: adminRoutes,
  i18n: { ja: adminJa, en: adminEn },
});

export { unitsQueryOptions } from './units/api.js';
export { useUnitName, useUnitOptions } from './units/useUnitOptions.js';
