import { domainToUnicode } from 'node:url';
import type { ValueAttributes } from '../../../contracts/indicators.display.js';
import { bankName, branchName } from './indicators.banks.js';

/**
 * What the shared renderer (contracts `displayValue`) needs from the server for a stored value:
 * bank and branch names (zengin-code is 5 MB and stays out of the browser) and the Unicode name
 * of an IDN host. Empty for every other value.
 */
function unicodeHost(host: string): string | undefined {
  if (!host.split('.').some((label) => label.startsWith('xn--'))) return undefined;
  const u = domainToUnicode(host);
  return u && u !== host ? u : undefined;
}

export function valueAttributes(type: string, value: string): ValueAttributes {
  if (type === 'bankAccount') {
    const m = /^(\d{4})-(\d{3})-/.exec(value);
    if (!m) return {};
    const [, bank, branch] = m as unknown as [string, string, string];
    const out: ValueAttributes = {};
    const b = bankName(bank);
    const br = branchName(bank, branch);
    if (b) out.bankName = b;
    if (br) out.branchName = br;
    return out;
  }
  if (type === 'domain') {
    const u = unicodeHost(value);
    return u ? { unicode: u } : {};
  }
  if (type === 'url') {
    const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]*)/i.exec(value);
    const u = m?.[1] ? unicodeHost(m[1]) : undefined;
    return u ? { unicode: u } : {};
  }
  return {};
}

/** The attributes for an API answer: omitted when there are none (most values). */
export function valueAttributesOrNone(type: string, value: string): Record<string, string> | undefined {
  const a = valueAttributes(type, value);
  return Object.keys(a).length > 0 ? (a as Record<string, string>) : undefined;
}
