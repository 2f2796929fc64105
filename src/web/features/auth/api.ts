import { z } from 'zod';
import {
  type LoginRequest,
  type LoginResponse,
  loginResponseSchema,
  type SessionInfo,
  sessionInfoSchema,
  type totpLoginRequestSchema,
} from '../../../contracts/auth.contracts.js';
import { apiRequest } from '../../api/client.js';

/** POST /api/auth/login: done, or a challenge for the second factor. */
export function login(body: LoginRequest): Promise<LoginResponse> {
  return apiRequest('/api/auth/login', { method: 'POST', body, schema: loginResponseSchema });
}

export type TotpLoginRequest = z.input<typeof totpLoginRequestSchema>;

/** Second step: the six-digit code (or a recovery code) answering the login challenge. */
export function loginTotp(body: TotpLoginRequest): Promise<SessionInfo> {
  return apiRequest('/api/auth/login/totp', {
    method: 'POST',
    body,
    schema: sessionInfoSchema.extend({ next: z.literal('done') }),
  });
}

export async function logout(): Promise<void> {
  await apiRequest('/api/auth/logout', { method: 'POST' });
}
