/** The frame around every page: header, menu, home, 「準備中」 and error pages. */
import { defineFeature } from '../../lib/feature.js';
import { shellEn } from './shell.i18n.en.js';
import { shellJa } from './shell.i18n.ja.js';
import { shellRoutes } from './shell.routes.js';

export const shellFeature = defineFeature({
  routes: shellRoutes,
  i18n: { ja: shellJa, en: shellEn },
});

export { AppLayout } from './AppLayout.js';
export type { NavigationItem } from './AppNavbar.js';
export { homeKeys, homeQueryOptions } from './homeApi.js';
export { NotFoundPage } from './NotFoundPage.js';
export { NotReadyPage } from './NotReadyPage.js';
export { SessionErrorPage } from './SessionErrorPage.js';
