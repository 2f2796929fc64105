import type { AnyRoute } from '@tanstack/react-router';
import type { Me } from '../../contracts/auth.contracts.js';
import type { DomainKey } from '../../contracts/domains.contracts.js';

/**
 * What a web feature (src/web/features/<feature>/index.ts) gives the app; app/features.ts lists them
 * and the router, the navigation and the i18next resources are assembled from that one list.
 */
export interface WebFeature {
  /** The domain of domains.contracts.ts this feature builds: its menu entry then opens the feature instead of 「準備中」. */
  nav?: NavEntry;
  /** Routes under the logged-in layout; pages are loaded lazily so each feature is its own chunk. */
  routes?: (app: AnyRoute) => AnyRoute[];
  /** Routes outside the logged-in layout (the login page). */
  publicRoutes?: (root: AnyRoute) => AnyRoute[];
  /** Its slice of the dictionary: top-level keys no other feature uses, Japanese and English. */
  i18n: { ja: object; en: object };
}

export interface NavEntry {
  domain: DomainKey;
  /** Whether the user sees the menu entry; without it everyone does. */
  canOpen?: (user: Pick<Me, 'permissions'> | null | undefined) => boolean;
}

/** Identity with the type checked: `export const intakeFeature = defineFeature({ ... })`. */
export function defineFeature<T extends WebFeature>(feature: T): T {
  return feature;
}
