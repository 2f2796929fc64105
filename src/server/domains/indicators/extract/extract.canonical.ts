import type { IndicatorType } from '../../../../contracts/indicators.contracts.js';
import { canonicalBankAccount } from './extract.bank.js';
import { extract } from './extract.js';

/**
 * A value typed by a person ("090-1234-5678", "example[.]com") in its canonical form: the
 * extractor's reading of it when it finds one of that type, else the trimmed input.
 */
export function canonicalise(type: IndicatorType, value: string): string {
  return canonicalForm(type, value).value;
}

/** The canonical form, and whether the input reads as a value of that type at all. */
export function canonicalForm(type: IndicatorType, value: string): { value: string; valid: boolean } {
  // An account in its canonical form is not how people write one in prose, so the extractor does
  // not read it; it is what an export or `renkei extract --jsonl` holds, and reads back as itself.
  const account = type === 'bankAccount' ? canonicalBankAccount(value) : null;
  if (account) return { value: account, valid: true };
  // In prose a bare digit string is a phone number only beside a word saying so (電話, TEL); a value
  // typed as a phone number (lookup, import) has already said so.
  const hit = extract(type === 'phone' ? `電話 ${value}` : value).find((h) => h.type === type);
  if (hit) return { value: hit.value, valid: true };
  const v = value.trim();
  return {
    value: ['domain', 'email', 'eth', 'md5', 'sha1', 'sha256', 'sha512', 'ipv6', 'social'].includes(type) ? v.toLowerCase() : v,
    valid: false,
  };
}
