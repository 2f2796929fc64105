import type { Me } from '../../../contracts/auth.contracts.js';
import type { Permission } from '../../../contracts/permissions.contracts.js';
import { hasPermission } from '../../lib/permissions.js';

export const adminTabs = ['users', 'units', 'audit', 'jobs'] as const;
export type AdminTab = (typeof adminTabs)[number];

/** The permission that shows each tab. */
export const adminTabPermission: Record<AdminTab, Permission> = {
  users: 'org.users.read',
  units: 'org.units.read',
  audit: 'audit.read',
  jobs: 'system.jobs.read',
};

export function isAdminTab(value: unknown): value is AdminTab {
  return typeof value === 'string' && (adminTabs as readonly string[]).includes(value);
}

export function visibleAdminTabs(user: Pick<Me, 'permissions'> | null | undefined): AdminTab[] {
  return adminTabs.filter((tab) => hasPermission(user, adminTabPermission[tab]));
}
