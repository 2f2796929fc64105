import { Badge, Divider, NavLink, ScrollArea } from '@mantine/core';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { domainNav } from '../../../contracts/domains.contracts.js';
import { useSession } from '../../api/session.js';
import { useLocalized } from '../../i18n/index.js';
import { canOpenDomain } from '../../lib/permissions.js';

/** One entry per domain of domains.contracts.ts; unbuilt ones carry a 「準備中」 badge. */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const pathname = useLocation({ select: (location) => location.pathname });
  const user = useSession()?.user;
  // システム管理 only for those who can administer something (not every officer with org.units.read);
  // 指標・相関分析 only for those who may look up or extract indicators.
  const domains = domainNav.filter((domain) => canOpenDomain(user, domain.key));
  const isActive = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return (
    <ScrollArea h="100%" type="auto">
      {domains.map((domain) => (
        <NavLink
          key={domain.key}
          component={Link}
          to={domain.path}
          label={localized(domain)}
          onClick={onNavigate}
          rightSection={
            domain.ready ? undefined : (
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
