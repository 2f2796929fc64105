import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../contracts/permissions.contracts.js';
import { useSession } from '../../api/session.js';
import { hasPermission } from '../../lib/permissions.js';
import { openEscalationsQueryOptions } from './escalations/api.js';
import classes from './IntakeNav.module.css';

type IntakePath = '/intake' | '/intake/new' | '/intake/escalations' | '/intake/import' | '/intake/settings';
type Item = { to: IntakePath; key: 'list' | 'new' | 'escalations' | 'import' | 'settings'; permission: Permission };

const items: readonly Item[] = [
  { to: '/intake', key: 'list', permission: 'intake.read' },
  { to: '/intake/new', key: 'new', permission: 'intake.write' },
  { to: '/intake/escalations', key: 'escalations', permission: 'intake.escalations.handle' },
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
  const waiting = (open.data ?? []).filter((item) => item.state === 'pending' || item.state === 'overdue').length;
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
              {t(`intake.nav.${item.key}`)}
              {item.key === 'escalations' && waiting > 0 && (
                <Badge size="sm" color="red" variant="filled" circle aria-label={t('intake.nav.waiting', { count: waiting })}>
                  {waiting}
                </Badge>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
