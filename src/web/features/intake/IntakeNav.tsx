import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../contracts/permissions.contracts.js';
import { useSession } from '../../api/session.js';
import { hasPermission } from '../../lib/permissions.js';
import { accessRequestsQueryOptions } from './access/api.js';
import { openEscalationsQueryOptions } from './escalations/api.js';
import classes from './IntakeNav.module.css';

type IntakePath = '/intake' | '/intake/new' | '/intake/escalations' | '/intake/access-requests' | '/intake/import' | '/intake/settings';
type Item = { to: IntakePath; key: 'list' | 'new' | 'escalations' | 'accessRequests' | 'import' | 'settings'; permission: Permission };

const items: readonly Item[] = [
  { to: '/intake', key: 'list', permission: 'intake.read' },
  { to: '/intake/new', key: 'new', permission: 'intake.write' },
  { to: '/intake/escalations', key: 'escalations', permission: 'intake.escalations.handle' },
  { to: '/intake/access-requests', key: 'accessRequests', permission: 'intake.escalations.handle' },
  { to: '/intake/import', key: 'import', permission: 'intake.import' },
  { to: '/intake/settings', key: 'settings', permission: 'intake.settings.manage' },
];

/** Which tab a path belongs to: a record's page counts as 一覧, where it was opened from. */
function currentTab(pathname: string): IntakePath {
  const match = items.find((item) => item.to !== '/intake' && (pathname === item.to || pathname.startsWith(`${item.to}/`)));
  return match?.to ?? '/intake';
}

/** 一覧 / 新規受理 / 報告受信 / 取り込み / 設定 as tab-like links, each shown only with its permission. */
export function IntakeNav() {
  const { t } = useTranslation();
  const user = useSession()?.user;
  const pathname = useLocation({ select: (location) => location.pathname.replace(/\/+$/, '') || '/' });
  const visible = items.filter((item) => hasPermission(user, item.permission));
  const canHandle = hasPermission(user, 'intake.escalations.handle');
  const open = useQuery({ ...openEscalationsQueryOptions, enabled: canHandle });
  // The same list and count as the page's 「未処理 N 件」 (acknowledged reports still await guidance).
  const waiting = open.data?.length ?? 0;
  const requests = useQuery({ ...accessRequestsQueryOptions('pending'), enabled: canHandle });
  const badge: Partial<Record<Item['key'], { count: number; label: string }>> = {
    escalations: { count: waiting, label: t('intake.nav.waiting', { count: waiting }) },
    accessRequests: { count: requests.data?.length ?? 0, label: t('intake.accessRequests.waiting', { count: requests.data?.length ?? 0 }) },
  };
  const active = currentTab(pathname);
  if (visible.length <= 1) return null;
  return (
    <nav aria-label={t('intake.nav.label')}>
      <ul className={classes.list}>
        {visible.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              className={classes.link}
              // aria-current only on the page itself (exact); a record's page still shows 一覧 as the current tab.
              activeOptions={{ exact: true }}
              data-active={active === item.to || undefined}
            >
              {item.key === 'accessRequests' ? t('intake.accessRequests.nav') : t(`intake.nav.${item.key}`)}
              {(badge[item.key]?.count ?? 0) > 0 && (
                <Badge size="sm" color="red" variant="filled" circle aria-label={badge[item.key]?.label}>
                  {badge[item.key]?.count}
                </Badge>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
