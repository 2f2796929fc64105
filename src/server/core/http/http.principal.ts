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
  /**
   * A session that must first change its password or enrol a second factor may reach only the
   * routes that do that (and logout); everything else answers 403 with a code saying why.
   */
  restricted: 'password' | 'mfa' | null;
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden' | 'restricted';

/** The whole route-level rule, as a pure function so the authorization matrix test can call it. */
export function decideAccess(access: RouteAccess, principal: Principal | null, allowRestricted = false): AccessDecision {
  if (access === 'public') return 'allow';
  if (!principal) return 'unauthenticated';
  if (principal.restricted && !allowRestricted) return 'restricted';
  if (access === 'authenticated') return 'allow';
  return principal.permissions.has(access) ? 'allow' : 'forbidden';
}
