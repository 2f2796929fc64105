import { domainNav } from '../../contracts/domains.contracts.js';
import { accountFeature } from '../features/account/index.js';
import { adminFeature } from '../features/admin/index.js';
import { authFeature } from '../features/auth/index.js';
import { casesFeature } from '../features/cases/index.js';
import { indicatorsFeature } from '../features/indicators/index.js';
import { intakeFeature } from '../features/intake/index.js';
import { notificationsFeature } from '../features/notifications/index.js';
import type { NavigationItem } from '../features/shell/index.js';
import { shellFeature } from '../features/shell/index.js';
import type { WebFeature } from '../lib/feature.js';

/**
 * Every web feature, one line each. Routes, the menu and the dictionary are assembled from this
 * list (app/router.tsx, app/i18n.ts); a new domain is a folder under features/ and a line here.
 */
export const features = [
  shellFeature,
  authFeature,
  accountFeature,
  notificationsFeature,
  intakeFeature,
  indicatorsFeature,
  casesFeature,
  adminFeature,
] as const satisfies readonly WebFeature[];

/** The menu in the order of domains.contracts.ts; a domain no feature builds shows 「準備中」. */
export const navigation: readonly NavigationItem[] = domainNav.map((domain) => {
  const nav = (features as readonly WebFeature[]).find((feature) => feature.nav?.domain === domain.key)?.nav;
  return { domain, ready: nav !== undefined, canOpen: nav?.canOpen };
});
