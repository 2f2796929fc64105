import type { Me } from '../../../contracts/auth.contracts.js';
import type { Permission } from '../../../contracts/permissions.contracts.js';
import { hasPermission } from '../../lib/permissions.js';

export const indicatorTabs = ['lookup', 'extract', 'warninglists'] as const;
export type IndicatorTab = (typeof indicatorTabs)[number];

/** The permission that shows each tab. */
export const indicatorTabPermission: Record<IndicatorTab, Permission> = {
  lookup: 'indicators.read',
  extract: 'indicators.extract',
  warninglists: 'indicators.read',
};

export function isIndicatorTab(value: unknown): value is IndicatorTab {
  return typeof value === 'string' && (indicatorTabs as readonly string[]).includes(value);
}

export function visibleIndicatorTabs(user: Pick<Me, 'permissions'> | null | undefined): IndicatorTab[] {
  return indicatorTabs.filter((tab) => hasPermission(user, indicatorTabPermission[tab]));
}
