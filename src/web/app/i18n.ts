import { en } from '../i18n/en.js';
import { i18n } from '../i18n/index.js';
import { ja } from '../i18n/ja.js';
import { features } from './features.js';

/**
 * The i18next resources: the shell-wide dictionary (i18n/ja.ts, en.ts) plus each feature's slice.
 * Imported for its effect before the first render (main.tsx, testing/render.tsx).
 */
const slices = [{ ja, en }, ...features.map((feature) => feature.i18n)];

// A slice owns its top-level keys; two owners would silently overwrite each other's strings.
const owners = new Set<string>();
for (const slice of slices) {
  for (const key of Object.keys(slice.ja)) {
    if (owners.has(key)) throw new Error(`i18n: top-level key "${key}" is defined by two dictionaries`);
    owners.add(key);
  }
  i18n.addResourceBundle('ja', 'translation', slice.ja, true, false);
  i18n.addResourceBundle('en', 'translation', slice.en, true, false);
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The whole Japanese dictionary's type: what `t()` keys are checked against (app/i18next.d.ts). */
export type Dictionary = typeof ja & UnionToIntersection<(typeof features)[number]['i18n']['ja']>;
