import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  apiTokenCreatedSchema,
  type apiTokenCreateSchema,
  apiTokenSchema,
  type passwordChangeSchema,
  recoveryCodesSchema,
  type SessionInfo,
  sessionInfoSchema,
  sessionListItemSchema,
  totpSetupSchema,
} from '../../../contracts/auth.contracts.js';
import { apiRequest } from '../../api/client.js';

/** Cached under 'account' (not 'auth'): storeSession drops these when the user changes. */
export const accountKeys = {
  sessions: ['account', 'sessions'] as const,
  tokens: ['account', 'tokens'] as const,
};

export type PasswordChange = z.input<typeof passwordChangeSchema>;
export type ApiTokenCreate = z.input<typeof apiTokenCreateSchema>;
export type TotpSetup = z.output<typeof totpSetupSchema>;

const okSchema = z.object({ ok: z.literal(true) });

/** POST /api/auth/password: the server rotates the session and answers with the new one. */
export function changePassword(body: PasswordChange): Promise<SessionInfo> {
  return apiRequest('/api/auth/password', { method: 'POST', body, schema: sessionInfoSchema });
}

export const sessionsQueryOptions = queryOptions({
  queryKey: accountKeys.sessions,
  queryFn: ({ signal }) => apiRequest('/api/auth/sessions', { schema: z.object({ items: z.array(sessionListItemSchema) }), signal }),
});

export async function revokeSession(id: string): Promise<void> {
  await apiRequest(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE', schema: okSchema });
}

export function logoutEverywhere(): Promise<{ ok: true; revoked: number }> {
  return apiRequest('/api/auth/logout-everywhere', {
    method: 'POST',
    schema: z.object({ ok: z.literal(true), revoked: z.number() }),
  });
}

export function startTotpSetup(): Promise<TotpSetup> {
  return apiRequest('/api/auth/mfa/totp/setup', { method: 'POST', schema: totpSetupSchema });
}

export function confirmTotp(code: string): Promise<string[]> {
  return apiRequest('/api/auth/mfa/totp/confirm', { method: 'POST', body: { code }, schema: recoveryCodesSchema }).then(
    (body) => body.recoveryCodes,
  );
}

export const tokensQueryOptions = queryOptions({
  queryKey: accountKeys.tokens,
  queryFn: ({ signal }) => apiRequest('/api/auth/tokens', { schema: z.object({ items: z.array(apiTokenSchema) }), signal }),
});

export function createToken(body: ApiTokenCreate): Promise<z.output<typeof apiTokenCreatedSchema>> {
  return apiRequest('/api/auth/tokens', { method: 'POST', body, schema: apiTokenCreatedSchema });
}

export async function revokeToken(id: string): Promise<void> {
  await apiRequest(`/api/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE', schema: okSchema });
}
