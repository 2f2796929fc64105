import { createRequire } from 'node:module';
import type banks from 'zengin-code';

/**
 * zengin-code (every Japanese bank and branch, shipped with the package) takes a third of a second
 * or more to load. Loaded on first use, so commands and processes that never read a bank name —
 * a feed import's main thread, `renkei --version`, a worker that validates phone numbers — do not
 * pay for it; the server warms it once it is up (indicators.module).
 */
export type Zengin = typeof banks;

const require = createRequire(import.meta.url);
let loaded: Zengin | undefined;

export function zenginBanks(): Zengin {
  loaded ??= require('zengin-code') as Zengin;
  return loaded;
}
