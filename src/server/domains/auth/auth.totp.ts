import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import type { Keyring } from '../../core/crypto/crypto.keyring.js';
import type { Database } from '../../core/db/db.schema.js';
import type { Account } from '../org/index.js';
import { sha256 } from './auth.passwords.js';

const ISSUER = '連携 Renkei';
const RECOVERY_CODES = 10;

/** TOTP secrets are encrypted like personal data, bound to their account and column. */
export const totpAad = (userId: string) => `app_user.totp:${userId}`;

export async function startTotpSetup(db: Kysely<Database>, keyring: Keyring, account: Account) {
  const secret = generateSecret();
  await db
    .updateTable('app_user')
    .set({ totp_pending_enc: keyring.encrypt(secret, totpAad(account.id)) })
    .where('id', '=', account.id)
    .execute();
  const otpauthUrl = generateURI({ issuer: ISSUER, label: account.login_id, secret });
  // Loaded when someone enrols, not at every start (qrcode and its PNG encoder are ~60 files).
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUrl, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Check a six-digit code, one step either side for clock drift. A code is accepted once:
 * its time step must be later than the last one used (replay refused).
 */
export async function checkTotp(secret: string, code: string, lastStep: number | null, now = new Date()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const r = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    epoch: Math.floor(now.getTime() / 1000),
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  // TOTP results carry the accepted time step; the union type also covers HOTP.
  return r.valid ? ((r as { timeStep?: number }).timeStep ?? null) : null;
}

/** For tests and the browser journey: the code an authenticator would show now. */
export function currentTotp(secret: string, now = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

function newRecoveryCode(): string {
  const s = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').toLowerCase().slice(0, 12);
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}

/** Replace the account's recovery codes; the plain codes are returned once and stored hashed. */
export async function issueRecoveryCodes(db: Kysely<Database>, userId: string, now = new Date()): Promise<string[]> {
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await db
    .insertInto('recovery_code')
    .values(codes.map((c) => ({ id: randomUUID(), user_id: userId, code_hash: sha256(c), used_at: null, created_at: now.toISOString() })))
    .execute();
  return codes;
}

/** Spend a recovery code; true when it existed and was unused. */
export async function spendRecoveryCode(db: Kysely<Database>, userId: string, code: string, now = new Date()): Promise<boolean> {
  const normalised = code.trim().toLowerCase();
  const r = await db
    .updateTable('recovery_code')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', sha256(normalised))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
