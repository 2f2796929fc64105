import type { Permission, RecordScope, RouteAccess } from '../../../contracts/permissions.contracts.js';
import type { Role } from '../../../contracts/roles.contracts.js';

/** Who is making a request, as established by the authenticator. */
export interface Principal {
  userId: string;
  loginId: string;
  displayName: string;
  unitId: string;
  unitName: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  /** Whose records this principal may read; lists and searches filter on it in SQL. */
  scope: RecordScope;
  /** Set for browser sessions; state-changing requests must echo it in the CSRF header. */
  csrfToken: string | null;
  sessionIdHash: string | null;
  /** Set when the caller is a machine client using an API token. */
  apiTokenId: string | null;
  /** With `apiTokenId`: the account that minted the token (its owner, or the administrator of a partner). */
  apiTokenMintedBy?: string | null;
  /**
   * A session that must first change its password or enrol a second factor may reach only the
   * routes that do that (and logout); everything else answers 403 with a code saying why.
   */
  restricted: 'password' | 'mfa' | null;
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden' | 'restricted' | 'session_required';

/**
 * The whole route-level rule, as a pure function so the authorization matrix test can call it.
 *
 * An API token does only what its scopes name: it reaches a route whose access is a permission
 * among its scopes, and nothing else. `authenticated` names no permission — those routes are a
 * person's own account, its security (password, second factor, sessions, logout) and inbox — so
 * they are for sessions only, as are routes marked `sessionOnly` (minting and revoking tokens).
 */
export function decideAccess(
  access: RouteAccess,
  principal: Principal | null,
  allowRestricted = false,
  sessionOnly = false,
): AccessDecision {
  if (access === 'public') return 'allow';
  if (!principal) return 'unauthenticated';
  if (principal.apiTokenId !== null && (access === 'authenticated' || sessionOnly)) return 'session_required';
  if (principal.restricted && !allowRestricted) return 'restricted';
  if (access === 'authenticated') return 'allow';
  return principal.permissions.has(access) ? 'allow' : 'forbidden';
}
