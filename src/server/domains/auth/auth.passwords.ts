import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { Kysely } from 'kysely';
import { PASSWORD_HISTORY, PASSWORD_MIN_LENGTH } from '../../../contracts/auth.contracts.js';
import type { Database } from '../../core/db/db.schema.js';
import { authErrors } from './auth.errors.js';

/** Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

/** argon2id with OWASP's minimum recommendation (19 MiB, 2 passes, 1 lane). */
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, PARAMS);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}

/**
 * A hash to verify against when the account does not exist, so a wrong login ID costs the
 * same time as a wrong password and response timing does not reveal which accounts exist.
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('renkei-timing-equaliser');
  return dummy;
}

/**
 * Guessability, by zxcvbn-ts with its common-password, English and Japanese dictionaries shipped
 * in the package (no network): common and breached-style passwords, names, repetition
 * (aaaaaaaaaaaa), sequences and keyboard rows all score low. Built on first use (≈0.2 s).
 */
let strength: ZxcvbnFactory | undefined;
// Required on first use, not imported: its dictionaries cost every process that never checks a
// password (each CLI command, a server's start) a few hundred ms to load.
const require = createRequire(import.meta.url);
function guessability(password: string, userInputs: string[]): number {
  if (!strength) {
    const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    const ja = require('@zxcvbn-ts/language-ja') as typeof import('@zxcvbn-ts/language-ja');
    strength = new Factory({ dictionary: { ...common.dictionary, ...ja.dictionary }, graphs: common.adjacencyGraphs });
  }
  return strength.check(password, userInputs).score;
}

/** zxcvbn's "safely unguessable" (about 10^8 guesses or more), beside the length rule. */
const MIN_SCORE = 3;

/** Length, login-ID and guessability rules; reuse is checked against the stored history separately. */
export function checkPasswordRules(loginId: string, password: string): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) throw authErrors.create('auth.password_too_short', { min: PASSWORD_MIN_LENGTH });
  if (password.toLowerCase().includes(loginId.toLowerCase())) throw authErrors.create('auth.password_same_as_login');
  if (guessability(password, [loginId, ...loginId.split(/[._-]/), 'renkei', '連携']) < MIN_SCORE)
    throw authErrors.create('auth.password_weak');
}

/** Refuse the current password and the last PASSWORD_HISTORY ones. */
export async function assertNotReused(db: Kysely<Database>, userId: string, currentHash: string, candidate: string): Promise<void> {
  const history = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(PASSWORD_HISTORY - 1)
    .execute();
  for (const h of [currentHash, ...history.map((r) => r.password_hash)]) {
    if (await verifyPassword(h, candidate)) throw authErrors.create('auth.password_reused', { n: PASSWORD_HISTORY });
  }
}

/** Fast hash for high-entropy secrets (tokens, recovery codes); passwords use argon2id. */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
