/** アカウント設定 (password, MFA, sessions, personal tokens): the feature module and shared pieces. */
import { defineFeature } from '../../lib/feature.js';
import { accountEn } from './account.i18n.en.js';
import { accountJa } from './account.i18n.ja.js';
import { accountRoutes } from './account.routes.js';

export const accountFeature = defineFeature({
  routes: accountRoutes,
  i18n: { ja: accountJa, en: accountEn },
});

export type { ApiTokenCreate } from './api.js';
export { TokenIssueForm } from './TokenIssueForm.js';
