import fs from 'node:fs';
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
  loaded ??= parsed() ?? (require('zengin-code') as Zengin);
  return loaded;
}

/**
 * The package's data file is one object literal in JSON syntax (`module.exports = {…};`). Read as
 * JSON it loads in about 60% of the time V8 takes to compile it as a 5 MB script; if a release of
 * the package ever writes it otherwise, it is required as the package intends.
 */
function parsed(): Zengin | undefined {
  try {
    const text = fs.readFileSync(require.resolve('zengin-code/lib/zengin-data.js'), 'utf8');
    const data = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as Zengin;
    return data['0001']?.branches ? data : undefined;
  } catch {
    return undefined;
  }
}
