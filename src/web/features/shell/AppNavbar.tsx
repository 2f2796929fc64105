import { Badge, Divider, NavLink, ScrollArea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { domainNav } from '../../../contracts/domains.contracts.js';
import { useSession } from '../../api/session.js';
import { useLocalized } from '../../i18n/index.js';
import type { NavEntry } from '../../lib/feature.js';
import { homeQueryOptions } from './homeApi.js';

export interface NavigationItem {
  domain: (typeof domainNav)[number];
  /** A feature builds this domain; otherwise the entry leads to 「準備中」. */
  ready: boolean;
  canOpen?: NavEntry['canOpen'];
}

/** What waits for the person in one menu entry (from GET /api/home); nothing when none. */
function CountBadge({ count }: { count: number | undefined }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <Badge size="sm" color="red.8" variant="filled" aria-label={t('home.navCount', { count })}>
      {count > 99 ? '99+' : count}
    </Badge>
  );
}

/**
 * ホーム first, then one entry per domain of domains.contracts.ts with what waits there for the
 * person (counted by the server, only of what they may read); unbuilt ones carry a 「準備中」 badge.
 */
export function AppNavbar({ items, onNavigate }: { items: readonly NavigationItem[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const pathname = useLocation({ select: (location) => location.pathname });
  const user = useSession()?.user;
  // システム管理 only for those who can administer something (not every officer with org.units.read);
  // 指標・相関分析 only for those who may look up or extract indicators.
  const visible = items.filter((item) => item.canOpen?.(user) ?? true);
  const isActive = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const counts = useQuery(homeQueryOptions).data;
  return (
    <ScrollArea h="100%" type="auto">
      <NavLink
        component={Link}
        to="/"
        label={t('home.title')}
        onClick={onNavigate}
        active={pathname === '/'}
        rightSection={<CountBadge count={counts?.total} />}
      />
      {visible.map(({ domain, ready }) => (
        <NavLink
          key={domain.key}
          component={Link}
          to={domain.path}
          label={localized(domain)}
          onClick={onNavigate}
          rightSection={
            ready ? (
              <CountBadge count={counts?.counts[domain.key]} />
            ) : (
              <Badge size="xs" variant="outline" color="gray.7">
                {t('shell.notReadyBadge')}
              </Badge>
            )
          }
          active={isActive(domain.path)}
        />
      ))}
      <Divider my="xs" />
      <NavLink component={Link} to="/account" label={t('account.title')} onClick={onNavigate} active={isActive('/account')} />
    </ScrollArea>
  );
}
