import type { Me } from '../../contracts/auth.contracts.js';
import { type Permission, permissions } from '../../contracts/permissions.contracts.js';
import { useLocalized } from '../i18n/index.js';

type Holder = Pick<Me, 'permissions'> | null | undefined;

/** The UI hides what a user may not do; the server checks every call again. */
export function hasPermission(user: Holder, permission: Permission): boolean {
  return user?.permissions.includes(permission) ?? false;
}

/** Any one of these opens システム管理 (org.units.read alone does not: every officer has it). */
export const adminEntryPermissions: readonly Permission[] = ['system.jobs.read', 'org.users.read', 'org.units.manage', 'audit.read'];

export function canOpenAdmin(user: Holder): boolean {
  return adminEntryPermissions.some((permission) => hasPermission(user, permission));
}

/** 指標・相関分析: 照会 needs indicators.read, 抽出 indicators.extract; either one opens the page. */
export const indicatorEntryPermissions: readonly Permission[] = ['indicators.read', 'indicators.extract'];

export function canOpenIndicators(user: Holder): boolean {
  return indicatorEntryPermissions.some((permission) => hasPermission(user, permission));
}

/** 相談受理: reading records or taking them in opens the area (each tab checks its own permission). */
export const intakeEntryPermissions: readonly Permission[] = ['intake.read', 'intake.write'];

export function canOpenIntake(user: Holder): boolean {
  return intakeEntryPermissions.some((permission) => hasPermission(user, permission));
}

/** 事件・支援要請: the list and a case need cases.read (opening and moving cases come with it). */
export function canOpenCases(user: Holder): boolean {
  return hasPermission(user, 'cases.read');
}

/** Permissions arrive as plain strings (me, token scopes); narrow the ones the catalogue knows. */
export function isPermission(value: string): value is Permission {
  return Object.hasOwn(permissions, value);
}

/** Label for a permission string in the current language; unknown ones are shown as they are. */
export function usePermissionLabel(): (value: string) => string {
  const localized = useLocalized();
  return (value) => (isPermission(value) ? localized(permissions[value]) : value);
}
