import { Burger, Button, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../contracts/auth.contracts.js';
import { useUnitName } from '../../i18n/index.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { NotificationBell } from '../notifications/index.js';

interface AppHeaderProps {
  session: SessionInfo;
  /** A forced flow is open: no menu, and the name does not link to the account pages. */
  forced: boolean;
  navOpened: boolean;
  onToggleNav: () => void;
  onLogout: () => void;
  loggingOut: boolean;
}

export function AppHeader({ session, forced, navOpened, onToggleNav, onLogout, loggingOut }: AppHeaderProps) {
  const { t } = useTranslation();
  const { user } = session;
  const unitName = useUnitName();
  const identity = (
    <Stack gap={0} align="flex-end">
      <Text size="sm" fw={700} lh={1.3} td={forced ? undefined : 'underline'}>
        {user.displayName}
      </Text>
      <Text size="xs" c="dimmed" lh={1.3}>
        {unitName(user.unit)}
      </Text>
    </Stack>
  );
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap">
        {!forced && (
          <Burger
            opened={navOpened}
            onClick={onToggleNav}
            hiddenFrom="sm"
            size="sm"
            aria-label={t('shell.toggleNav')}
            aria-expanded={navOpened}
            aria-controls="renkei-navbar"
          />
        )}
        {forced ? (
          <Text component="span" fz="h3" fw={700} lang="ja">
            連携
          </Text>
        ) : (
          <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
            <Group gap="xs" wrap="nowrap" align="baseline">
              <Text component="span" fz="h3" fw={700} lang="ja">
                連携
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="md">
                {t('app.systemName')}
              </Text>
            </Group>
          </Link>
        )}
      </Group>
      <Group gap="md" wrap="nowrap">
        {forced ? (
          <Group visibleFrom="sm">{identity}</Group>
        ) : (
          <UnstyledButton component={Link} to="/account" visibleFrom="sm" title={t('account.title')} style={{ borderRadius: 4 }}>
            {identity}
            <VisuallyHidden>{t('shell.accountSuffix')}</VisuallyHidden>
          </UnstyledButton>
        )}
        {!forced && <NotificationBell />}
        <LanguageSwitch size="xs" />
        <Button variant="outline" size="xs" onClick={onLogout} loading={loggingOut}>
          {t('auth.logout')}
        </Button>
      </Group>
    </Group>
  );
}
