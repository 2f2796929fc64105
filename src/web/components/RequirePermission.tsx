import type { ReactNode } from 'react';
import type { Permission } from '../../contracts/permissions.contracts.js';
import { useSession } from '../api/session.js';
import { hasPermission } from '../lib/permissions.js';
import { NoPermission } from './NoPermission.js';

/** A page opened by URL without its permission says so instead of failing on every request. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const user = useSession()?.user;
  return hasPermission(user, permission) ? children : <NoPermission />;
}
