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
  unit: z.object({ id: z.string(), name: z.string() }),
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;

/** Returned by login and by GET /api/auth/me: who you are and the token to echo in CSRF_HEADER. */
export const sessionInfoSchema = z.object({ user: meSchema, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
