import { z } from 'zod';
import { roleSchema } from './roles.contracts.js';

/** Header that carries the CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

export const loginRequestSchema = z.strictObject({
  loginId: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const meSchema = z.object({
  id: z.string(),
  loginId: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** The unit's name, and its English name for the English UI. */
  unit: z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional() }),
  permissions: z.array(z.string()),
  /** Set after an administrator issued a temporary password: only the password change is open. */
  mustChangePassword: z.boolean(),
  /** The role requires a second factor and none is enrolled yet: only enrolment is open. */
  mfaEnrolmentRequired: z.boolean(),
  mfaEnabled: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

/** Returned by login and by GET /api/auth/me: who you are and the token to echo in CSRF_HEADER. */
export const sessionInfoSchema = z.object({ user: meSchema, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** Login either completes, or asks for the second factor with a short-lived challenge. */
export const loginResponseSchema = z.union([
  sessionInfoSchema.extend({ next: z.literal('done') }),
  z.object({ next: z.literal('totp'), challenge: z.string() }),
]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const totpLoginRequestSchema = z.strictObject({
  challenge: z.string().min(1).max(200),
  /** Six digits from the authenticator, or one recovery code (xxxx-xxxx-xxxx). */
  code: z.string().trim().min(6).max(20),
});

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_HISTORY = 5;

export const sessionListItemSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  clientIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionListItem = z.infer<typeof sessionListItemSchema>;

export const totpSetupSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth URL as an SVG QR code (data: URL), drawn on the server so nothing leaves the browser. */
  qrDataUrl: z.string(),
});

/**
 * Proof of identity for a step a stolen session must not take: the current password and, where
 * asked for on an account with a second factor, a code from it (six digits, or a recovery code).
 */
const currentPassword = z.string().min(1).max(256);
const currentCode = z.string().trim().min(6).max(20);

/** Starting enrolment needs nothing more; replacing an enrolled second factor needs both proofs. */
export const totpSetupRequestSchema = z.strictObject({
  currentPassword: currentPassword.optional(),
  currentCode: currentCode.optional(),
});

export const totpConfirmSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
  /** Required when an enrolled second factor is being replaced. */
  currentPassword: currentPassword.optional(),
});
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const apiTokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.string()).min(1).max(50),
  expiresInDays: z.number().int().min(1).max(365),
});
/** One's own token: minted only after re-authentication (the code when a second factor is enrolled). */
export const ownApiTokenCreateSchema = apiTokenCreateSchema.extend({
  currentPassword,
  currentCode: currentCode.optional(),
});
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
/** The secret is in this response only; the server keeps a hash. */
export const apiTokenCreatedSchema = z.object({ token: z.string(), apiToken: apiTokenSchema });

/** Bearer tokens for machine clients start with this, so scanners and people recognise them. */
export const API_TOKEN_PREFIX = 'rkt_';
