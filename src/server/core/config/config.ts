import path from 'node:path';
import { z } from 'zod';
import { coreErrors } from '../errors/core.errors.js';

/**
 * Every setting Renkei reads from the environment. An unknown RENKEI_* variable is an error,
 * because a misspelt setting silently falling back to its default is how production surprises start.
 * Keep this list and the README's configuration table in step.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  RENKEI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'postgres:// または postgresql:// で始まる URL')
    .optional(),
  RENKEI_HOST: z.string().min(1).default('127.0.0.1'),
  RENKEI_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  RENKEI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RENKEI_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(1024 * 1024),
  RENKEI_TRUST_PROXY: bool.default(false),
  RENKEI_SECURE_COOKIES: bool.optional(),
  RENKEI_JOBS: bool.default(true),
  RENKEI_JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  RENKEI_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  RENKEI_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  RENKEI_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  RENKEI_ADMIN_PASSWORD: z.string().min(12).optional(),
  RENKEI_DEMO: bool.default(false),
  RENKEI_KEY_FILE: z.string().min(1).optional(),
  RENKEI_ENCRYPTION_KEYS: z.string().min(1).optional(),
  RENKEI_AUDIT_HEAD_FILE: z.string().min(1).optional(),
  RENKEI_LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(100).default(5),
  RENKEI_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  RENKEI_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  RENKEI_COMMON_THRESHOLD: z.coerce.number().int().min(2).max(1_000_000).default(50),
  RENKEI_SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), 'smtp:// または smtps:// で始まる URL')
    .optional(),
  RENKEI_MAIL_FROM: z.string().min(3).default('renkei@localhost'),
  RENKEI_PUBLIC_URL: z.url().optional(),
  RENKEI_EVIDENCE_MAX_MB: z.coerce.number().int().min(1).max(2048).default(50),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  dataDir: string;
  database: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
  host: string;
  port: number;
  logLevel: Env['RENKEI_LOG_LEVEL'];
  bodyLimit: number;
  trustProxy: boolean;
  secureCookies: boolean;
  jobs: { enabled: boolean; pollMs: number };
  session: { idleMinutes: number; absoluteHours: number };
  shutdownTimeoutMs: number;
  initialAdminPassword: string | undefined;
  demo: boolean;
  /** Master keys for personal-data encryption; see core/crypto/crypto.keysource.ts. */
  keys: { kind: 'file'; path: string } | { kind: 'env'; value: string };
  /** The audit head checkpoint, outside the database (core/audit/audit.checkpoint.ts). */
  auditHeadFile: string;
  lockout: { maxFailures: number; minutes: number };
  loginRatePerMinute: number;
  /** An indicator seen in more records than this is "common" and joins no cluster. */
  commonThreshold: number;
  /** Outgoing mail; without an SMTP URL notifications stay in the app. */
  mail: { smtpUrl: string | undefined; from: string; publicUrl: string | undefined };
  evidenceMaxBytes: number;
}

/** Variables Renkei does not read but that may legitimately be set around it. */
const KNOWN_FOREIGN = new Set(['RENKEI_TEST_DB']);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  for (const name of Object.keys(env)) {
    if (name.startsWith('RENKEI_') && !(name in envSchema.shape) && !KNOWN_FOREIGN.has(name)) {
      throw coreErrors.create('config.unknown_variable', { name });
    }
  }
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '?');
    throw coreErrors.create('config.invalid_value', { name, reason: issue?.message ?? '' });
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.RENKEI_DATA_DIR);
  return {
    dataDir,
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL }
      : { engine: 'sqlite', file: path.join(dataDir, 'renkei.sqlite') },
    host: e.RENKEI_HOST,
    port: e.RENKEI_PORT,
    logLevel: e.RENKEI_LOG_LEVEL,
    bodyLimit: e.RENKEI_BODY_LIMIT,
    trustProxy: e.RENKEI_TRUST_PROXY,
    secureCookies: e.RENKEI_SECURE_COOKIES ?? e.RENKEI_TRUST_PROXY,
    jobs: { enabled: e.RENKEI_JOBS, pollMs: e.RENKEI_JOBS_POLL_MS },
    session: { idleMinutes: e.RENKEI_SESSION_IDLE_MINUTES, absoluteHours: e.RENKEI_SESSION_ABSOLUTE_HOURS },
    shutdownTimeoutMs: e.RENKEI_SHUTDOWN_TIMEOUT_MS,
    initialAdminPassword: e.RENKEI_ADMIN_PASSWORD,
    demo: e.RENKEI_DEMO,
    keys: e.RENKEI_ENCRYPTION_KEYS
      ? { kind: 'env', value: e.RENKEI_ENCRYPTION_KEYS }
      : { kind: 'file', path: path.resolve(e.RENKEI_KEY_FILE ?? path.join(dataDir, 'renkei.keys.json')) },
    auditHeadFile: path.resolve(e.RENKEI_AUDIT_HEAD_FILE ?? path.join(dataDir, 'renkei.audit-head.json')),
    lockout: { maxFailures: e.RENKEI_LOGIN_MAX_FAILURES, minutes: e.RENKEI_LOCKOUT_MINUTES },
    loginRatePerMinute: e.RENKEI_LOGIN_RATE_PER_MINUTE,
    commonThreshold: e.RENKEI_COMMON_THRESHOLD,
    mail: { smtpUrl: e.RENKEI_SMTP_URL, from: e.RENKEI_MAIL_FROM, publicUrl: e.RENKEI_PUBLIC_URL },
    evidenceMaxBytes: e.RENKEI_EVIDENCE_MAX_MB * 1024 * 1024,
  };
}
