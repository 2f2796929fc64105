import type { z } from 'zod';
import type { LoginRequest, LoginResponse, SessionInfo, totpLoginRequestSchema } from '../../../contracts/auth.contracts.js';
import { authEndpoints as ep } from '../../../contracts/auth.endpoints.js';
import { call, clientError } from '../../api/client.js';

/** POST /api/auth/login: done, or a challenge for the second factor. */
export function login(body: LoginRequest): Promise<LoginResponse> {
  return call(ep.login, { body });
}

export type TotpLoginRequest = z.input<typeof totpLoginRequestSchema>;

/** Second step: the six-digit code (or a recovery code) answering the login challenge; it always ends the login. */
export async function loginTotp(body: TotpLoginRequest): Promise<SessionInfo> {
  const r = await call(ep.loginTotp, { body });
  // The contract allows another challenge; after the second factor there must be none.
  if (r.next !== 'done') throw clientError(200, 'loginStep', ep.loginTotp.path);
  return r;
}

export async function logout(): Promise<void> {
  await call(ep.logout);
}
