import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useSession } from '../auth/session.js';
import { AppHeader } from './AppHeader.js';
import { AppNavbar } from './AppNavbar.js';
import { useLogout } from './useLogout.js';

/** Frame for authenticated pages. The route's beforeLoad has already loaded the session. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [navOpened, nav] = useDisclosure(false);
  const logout = useLogout();

  // The session can end while the page is open (expiry, logout in another tab).
  useEffect(() => {
    if (session === null) void navigate({ to: '/login' });
  }, [session, navigate]);

  if (!session) return <PageLoader />;

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="lg">
      <a href="#main-content" className="renkei-skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader
          session={session}
          navOpened={navOpened}
          onToggleNav={nav.toggle}
          onLogout={() => logout.mutate()}
          loggingOut={logout.isPending}
        />
      </AppShell.Header>
      <AppShell.Navbar id="renkei-navbar" p="xs" aria-label={t('shell.mainNav')}>
        <AppNavbar onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        {logout.isError && <ErrorAlert error={logout.error} title={t('auth.logoutFailed')} />}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
