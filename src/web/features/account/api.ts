import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  ownApiTokenCreateSchema,
  passwordChangeSchema,
  SessionInfo,
  totpSetupSchema,
} from '../../../contracts/auth.contracts.js';
import { authEndpoints as ep } from '../../../contracts/auth.endpoints.js';
import { call } from '../../api/client.js';

/** Cached under 'account' (not 'auth'): storeSession drops these when the user changes. */
export const accountKeys = {
  sessions: ['account', 'sessions'] as const,
  tokens: ['account', 'tokens'] as const,
};

export type PasswordChange = z.input<typeof passwordChangeSchema>;
export type ApiTokenCreate = z.input<typeof apiTokenCreateSchema>;
/** One's own token also carries the re-authentication (current password, code when enrolled). */
export type OwnApiTokenCreate = z.input<typeof ownApiTokenCreateSchema>;
export type TotpSetup = z.output<typeof totpSetupSchema>;

/** POST /api/auth/password: the server rotates the session and answers with the new one. */
export function changePassword(body: PasswordChange): Promise<SessionInfo> {
  return call(ep.changePassword, { body });
}

export const sessionsQueryOptions = queryOptions({
  queryKey: accountKeys.sessions,
  queryFn: ({ signal }) => call(ep.sessions, { signal }),
});

export async function revokeSession(id: string): Promise<void> {
  await call(ep.revokeSession, { params: { id } });
}

export function logoutEverywhere(): Promise<{ ok: true; revoked: number }> {
  return call(ep.logoutEverywhere);
}

export function startTotpSetup(): Promise<TotpSetup> {
  return call(ep.totpSetup);
}

export function confirmTotp(code: string): Promise<string[]> {
  return call(ep.totpConfirm, { body: { code } }).then((body) => body.recoveryCodes);
}

export const tokensQueryOptions = queryOptions({
  queryKey: accountKeys.tokens,
  queryFn: ({ signal }) => call(ep.tokens, { signal }),
});

export function createToken(body: OwnApiTokenCreate): Promise<z.output<typeof apiTokenCreatedSchema>> {
  return call(ep.createToken, { body });
}

export async function revokeToken(id: string): Promise<void> {
  await call(ep.revokeToken, { params: { id } });
}
