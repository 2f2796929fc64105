/** 相談受理: the feature module (routes, menu entry, strings). */
import { defineFeature } from '../../lib/feature.js';
import { canOpenIntake } from '../../lib/permissions.js';
import { intakeEn } from './intake.i18n.en.js';
import { intakeJa } from './intake.i18n.ja.js';
import { intakeRoutes } from './intake.routes.js';

export const intakeFeature = defineFeature({
  nav: { domain: 'intake', canOpen: canOpenIntake },
  routes: intakeRoutes,
  i18n: { ja: intakeJa, en: intakeEn },
});
