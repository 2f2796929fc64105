/** ログイン and the rules that hold a user on one page (temporary password, missing second factor). */
import { defineFeature } from '../../lib/feature.js';
import { authEn } from './auth.i18n.en.js';
import { authJa } from './auth.i18n.ja.js';
import { authRoutes } from './auth.routes.js';

export const authFeature = defineFeature({
  publicRoutes: authRoutes,
  i18n: { ja: authJa, en: authEn },
});

export { logout } from './api.js';
export { forcedErrorCodes, forcedPath, normalisePath } from './forced.js';
