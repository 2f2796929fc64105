import type { Me } from '../../../contracts/auth.contracts.js';
import { mfaRequiredRoles, type Permission, permissionsOf, roleScopes } from '../../../contracts/permissions.contracts.js';
import type { Role } from '../../../contracts/roles.contracts.js';
import { json } from '../../core/db/db.decode.js';
import type { Principal } from '../../core/http/http.principal.js';
import type { Account } from '../org/index.js';

export function restrictionOf(a: Account): Principal['restricted'] {
  if (a.must_change_password) return 'password';
  if (mfaRequiredRoles.includes(a.role as Role) && !a.mfa_enabled) return 'mfa';
  return null;
}

/** A browser session's principal: the role's permissions, CSRF-bound. */
export function sessionPrincipal(a: Account, session: { id_hash: string; csrf_token: string }): Principal {
  return { ...accountPrincipal(a), csrfToken: session.csrf_token, sessionIdHash: session.id_hash };
}

/** An account acting outside HTTP (demo data, imports run by tools, benchmarks): its role's rights. */
export function accountPrincipal(a: Account): Principal {
  const role = a.role as Role;
  return {
    userId: a.id,
    loginId: a.login_id,
    displayName: a.display_name,
    unitId: a.unit_id,
    unitName: a.unit_name,
    role,
    permissions: new Set(permissionsOf(role)),
    scope: roleScopes[role],
    csrfToken: null,
    sessionIdHash: null,
    apiTokenId: null,
    restricted: restrictionOf(a),
  };
}

/**
 * A machine client's principal: only the token's scopes that the role still holds (a role
 * changed after issue narrows its tokens at once). No CSRF: a bearer header is not ambient.
 */
export function tokenPrincipal(a: Account, token: { id: string; scopes: string; created_by: string }): Principal {
  const role = a.role as Role;
  const roleHas = new Set<string>(permissionsOf(role));
  const scopes = json<string[]>(token.scopes).filter((s) => roleHas.has(s)) as Permission[];
  return {
    userId: a.id,
    loginId: a.login_id,
    displayName: a.display_name,
    unitId: a.unit_id,
    unitName: a.unit_name,
    role,
    permissions: new Set(scopes),
    scope: roleScopes[role],
    csrfToken: null,
    sessionIdHash: null,
    apiTokenId: token.id,
    apiTokenMintedBy: token.created_by,
    // Tokens are issued to accounts that passed the checks; a pending password change still blocks them.
    restricted: a.must_change_password ? 'password' : null,
  };
}

export function meOf(a: Account): Me {
  const role = a.role as Role;
  const r = restrictionOf(a);
  return {
    id: a.id,
    loginId: a.login_id,
    displayName: a.display_name,
    role,
    unit: { id: a.unit_id, name: a.unit_name, nameEn: a.unit_name_en },
    permissions: [...permissionsOf(role)],
    mustChangePassword: r === 'password',
    mfaEnrolmentRequired: r === 'mfa',
    mfaEnabled: !!a.mfa_enabled,
  };
}
