import type { Permission, RouteAccess } from '../../../contracts/permissions.contracts.js';
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
  /** Set for browser sessions; state-changing requests must echo it in the CSRF header. */
  csrfToken: string | null;
  sessionIdHash: string | null;
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

/** The whole route-level rule, as a pure function so the authorization matrix test can call it. */
export function decideAccess(access: RouteAccess, principal: Principal | null): AccessDecision {
  if (access === 'public') return 'allow';
  if (!principal) return 'unauthenticated';
  if (access === 'authenticated') return 'allow';
  return principal.permissions.has(access) ? 'allow' : 'forbidden';
}
