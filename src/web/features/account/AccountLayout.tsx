import { Box, Grid, NavLink, Stack, Title } from '@mantine/core';
import { Link, Outlet, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.js';
import { hasPermission } from '../../lib/permissions.js';
import { forcedPath, normalisePath } from '../auth/index.js';

type AccountPath = '/account' | '/account/password' | '/account/mfa' | '/account/sessions' | '/account/tokens';

/** アカウント設定: a side menu of the sub-pages. Hidden while a forced flow holds the user. */
export function AccountLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const pathname = useLocation({ select: (location) => normalisePath(location.pathname) });
  if (!session) return null;
  const forced = forcedPath(session.user) !== null;

  const items: { to: AccountPath; label: string }[] = [
    { to: '/account', label: t('account.nav.overview') },
    { to: '/account/password', label: t('account.nav.password') },
    { to: '/account/mfa', label: t('account.nav.mfa') },
    { to: '/account/sessions', label: t('account.nav.sessions') },
  ];
  if (hasPermission(session.user, 'auth.tokens.self')) items.push({ to: '/account/tokens', label: t('account.nav.tokens') });

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      {/* One tree for both modes: the page below must not remount when the session leaves a
          forced flow (MFA enrolment keeps its one-time recovery codes in component state). */}
      <Grid gap="lg">
        {!forced && (
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Box component="nav" aria-label={t('account.nav.label')}>
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  // Exact: 概要 (/account) must not look current on its sub-pages (the Link sets aria-current).
                  activeOptions={{ exact: true }}
                  active={pathname === item.to}
                />
              ))}
            </Box>
          </Grid.Col>
        )}
        <Grid.Col span={forced ? 12 : { base: 12, md: 9 }}>
          <Box maw={forced ? 720 : 960}>
            <Outlet />
          </Box>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
