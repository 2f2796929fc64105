import type { BankDetails, PartyInput, PartyView } from '../../../contracts/intake.contracts.js';
import type { EncryptedField } from '../../core/crypto/crypto.fields.js';
import type { Keyring } from '../../core/crypto/crypto.keyring.js';
import { bankName, branchName, canonicalise } from '../indicators/index.js';
import type { ConsultationTable } from './intake.tables.js';

/**
 * Personal fields of complainants and victims: encrypted at rest (AES-256-GCM, bound to row and
 * column), a keyed hash beside the searchable ones, masked everywhere unless revealed with a
 * reason. Nothing in this file logs or returns plaintext except `decryptParty`.
 */
export type PartyRole = 'complainant' | 'victim';
type Row = { id: string } & Partial<Record<keyof ConsultationTable, unknown>>;

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');
export const bankKey = (b: BankDetails) => `${b.bankCode}-${b.branchCode}-${b.accountType}-${b.accountNumber}`;

export const normalisers = {
  name: squash,
  phone: (s: string) => canonicalise('phone', s),
};

const aadFor = (column: string) => (id: string) => `consultation.${column}:${id}`;

/** Registered with key rotation in main.ts. */
export const consultationEncryptedFields: EncryptedField[] = (['complainant', 'victim'] as const).flatMap((p) => [
  {
    table: 'consultation',
    idColumn: 'id',
    column: `${p}_name_enc`,
    aad: aadFor(`${p}_name_enc`),
    blind: { column: `${p}_name_bi`, field: 'person.name', normalise: normalisers.name },
  },
  { table: 'consultation', idColumn: 'id', column: `${p}_address_enc`, aad: aadFor(`${p}_address_enc`) },
  {
    table: 'consultation',
    idColumn: 'id',
    column: `${p}_phone_enc`,
    aad: aadFor(`${p}_phone_enc`),
    blind: { column: `${p}_phone_bi`, field: 'person.phone', normalise: normalisers.phone },
  },
  {
    table: 'consultation',
    idColumn: 'id',
    column: `${p}_bank_enc`,
    aad: aadFor(`${p}_bank_enc`),
    blind: { column: `${p}_bank_bi`, field: 'bank.account', normalise: (plain: string) => bankKey(JSON.parse(plain) as BankDetails) },
  },
]);

/** Keyed hashes for exact-match lookup: same person or account, without decrypting anything. */
export function blindName(k: Keyring, name: string): string {
  return k.blindIndex('person.name', normalisers.name(name));
}
export function blindPhone(k: Keyring, phone: string): string {
  return k.blindIndex('person.phone', normalisers.phone(phone));
}
export function blindBank(k: Keyring, b: BankDetails): string {
  return k.blindIndex('bank.account', bankKey(b));
}

/** Row columns for one party, encrypted for the row `id`. An absent party clears them all. */
export function encryptParty(k: Keyring, id: string, role: PartyRole, p: PartyInput | null): Record<string, string | null> {
  const enc = (col: string, v: string | undefined) => (v ? k.encrypt(v, aadFor(`${role}_${col}`)(id)) : null);
  const nonEmpty = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);
  const name = nonEmpty(p?.name);
  const phone = nonEmpty(p?.phone);
  const bank = p?.bank;
  return {
    [`${role}_type`]: p?.type ?? null,
    [`${role}_org_size`]: p?.orgSize ?? null,
    [`${role}_sector`]: p?.sector ?? null,
    [`${role}_age_group`]: p?.ageGroup ?? null,
    [`${role}_name_enc`]: enc('name_enc', name),
    [`${role}_name_bi`]: name ? blindName(k, name) : null,
    [`${role}_address_enc`]: enc('address_enc', nonEmpty(p?.address)),
    [`${role}_phone_enc`]: enc('phone_enc', phone),
    [`${role}_phone_bi`]: phone ? blindPhone(k, phone) : null,
    [`${role}_bank_enc`]: bank ? k.encrypt(JSON.stringify(bank), aadFor(`${role}_bank_enc`)(id)) : null,
    [`${role}_bank_bi`]: bank ? blindBank(k, bank) : null,
  };
}

function col(row: Row, role: PartyRole, c: string): string | null {
  return ((row as Record<string, unknown>)[`${role}_${c}`] as string | null | undefined) ?? null;
}

export function maskName(s: string): string {
  let first = true;
  return Array.from(s)
    .map((ch) => {
      if (/\s/u.test(ch)) return ch;
      if (first) {
        first = false;
        return ch;
      }
      return '＊';
    })
    .join('');
}

export function maskAddress(s: string): string {
  // Keep the prefecture and municipality: enough to know the area, not the door.
  const m = /^(.{0,4}?[都道府県])?(.{1,8}?[市区町村郡])?/u.exec(s);
  const kept = m?.[0] ?? '';
  return `${kept || Array.from(s).slice(0, 2).join('')}＊＊＊`;
}

export function maskPhone(s: string): string {
  const digits = s.replace(/\D/g, '').length;
  let seen = 0;
  return s.replace(/\d/g, (d) => (++seen > digits - 4 ? d : '*'));
}

function bankView(b: BankDetails, masked: boolean): NonNullable<PartyView['bank']> {
  return {
    bankCode: b.bankCode,
    bankName: bankName(b.bankCode),
    branchCode: b.branchCode,
    branchName: branchName(b.bankCode, b.branchCode),
    accountType: b.accountType,
    accountNumber: masked ? `***${b.accountNumber.slice(-4)}` : b.accountNumber,
    holderKana: b.holderKana ? (masked ? maskName(b.holderKana) : b.holderKana) : null,
  };
}

/** A party as lists and detail views show it: personal fields masked. */
export function partyView(k: Keyring, row: Row, role: PartyRole, reveal: ReadonlySet<string> = new Set()): PartyView | null {
  const type = col(row, role, 'type');
  if (!type) return null;
  const dec = (c: string) => {
    const v = col(row, role, `${c}_enc`);
    return v ? k.decrypt(v, aadFor(`${role}_${c}_enc`)(row.id)) : null;
  };
  const show = (field: string, mask: (s: string) => string) => {
    const v = dec(field);
    if (v === null) return null;
    return reveal.has(`${role}.${field}`) ? v : mask(v);
  };
  const bankPlain = dec('bank');
  return {
    type: type as PartyView['type'],
    name: show('name', maskName),
    address: show('address', maskAddress),
    phone: show('phone', maskPhone),
    orgSize: col(row, role, 'org_size') as PartyView['orgSize'],
    sector: col(row, role, 'sector') as PartyView['sector'],
    ageGroup: col(row, role, 'age_group') as PartyView['ageGroup'],
    bank: bankPlain ? bankView(JSON.parse(bankPlain) as BankDetails, !reveal.has(`${role}.bank`)) : null,
  };
}

/** The complainant's and victim's own identifiers, in clear, for matching inside the narrative. */
export interface PartyValues {
  names: string[];
  addresses: string[];
  /** E.164, as phone indicators are stored. */
  phones: string[];
  /** "<bank>-<branch>-<type>-<number>", as bank-account indicators are stored. */
  accounts: string[];
  accountNumbers: string[];
}

/**
 * An extracted value's role in its record: the complainant's or victim's own phone or account
 * (equal to a party field) is `victim`; anything else is `unknown` (not known to be the offender's).
 */
export function roleOf(v: Pick<PartyValues, 'phones' | 'accounts'>, type: string, value: string): 'victim' | 'unknown' {
  if (type === 'phone' && v.phones.includes(value)) return 'victim';
  if (type === 'bankAccount' && v.accounts.includes(value)) return 'victim';
  return 'unknown';
}

/** Decrypts the parties' fields: use only to mask or classify, never to return them. */
export function partyValues(k: Keyring, row: Row): PartyValues {
  const out: PartyValues = { names: [], addresses: [], phones: [], accounts: [], accountNumbers: [] };
  for (const role of ['complainant', 'victim'] as const) {
    const dec = (c: string) => {
      const v = col(row, role, `${c}_enc`);
      return v ? k.decrypt(v, aadFor(`${role}_${c}_enc`)(row.id)) : null;
    };
    const name = dec('name');
    const address = dec('address');
    const phone = dec('phone');
    const bank = dec('bank');
    if (name) out.names.push(name);
    if (address) out.addresses.push(address);
    if (phone) out.phones.push(normalisers.phone(phone), phone);
    if (bank) {
      const b = JSON.parse(bank) as BankDetails;
      out.accounts.push(bankKey(b));
      out.accountNumbers.push(b.accountNumber);
      if (b.holderKana) out.names.push(b.holderKana);
    }
  }
  return out;
}
