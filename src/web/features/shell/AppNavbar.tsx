import { Badge, NavLink, ScrollArea } from '@mantine/core';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { domainNav } from '../../../contracts/domains.contracts.js';
import { useLocalized } from '../../i18n/index.js';

/** One entry per domain of domains.contracts.ts; unbuilt ones carry a 「準備中」 badge. */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const pathname = useLocation({ select: (location) => location.pathname });
  return (
    <ScrollArea h="100%" type="auto">
      {domainNav.map((domain) => (
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
          active={pathname === domain.path || pathname.startsWith(`${domain.path}/`)}
        />
      ))}
    </ScrollArea>
  );
}
