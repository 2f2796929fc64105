import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { forcedPath, normalisePath } from '../auth/index.js';
import { AppHeader } from './AppHeader.js';
import { AppNavbar, type NavigationItem } from './AppNavbar.js';
import { useLogout } from './useLogout.js';

/**
 * Frame for authenticated pages. The route's beforeLoad has already loaded the session.
 * The menu comes from app/features.ts (the shell knows no other feature).
 */
export function AppLayout({ navigation }: { navigation: readonly NavigationItem[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const pathname = useLocation({ select: (location) => normalisePath(location.pathname) });
  const forced = session ? forcedPath(session.user) : null;
  const [navOpened, nav] = useDisclosure(false);
  const logout = useLogout();

  // The session can end while the page is open (expiry, logout in another tab).
  useEffect(() => {
    if (session === null) void navigate({ to: '/login' });
  }, [session, navigate]);

  // The session can also gain an obligation (a 403 made us re-read /me): follow it at once.
  useEffect(() => {
    if (forced && pathname !== forced) void navigate({ to: forced, replace: true });
  }, [forced, pathname, navigate]);

  if (!session) return <PageLoader />;

  // While forced, the menu is gone: only the page that settles it, logout and the language switch.
  return (
    <AppShell
      header={{ height: 64 }}
      // Collapsed rather than removed: AppShell keeps the main offset right when a forced flow ends.
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { desktop: forced !== null, mobile: forced !== null || !navOpened } }}
      padding="lg"
    >
      <a href="#main-content" className="renkei-skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader
          session={session}
          forced={forced !== null}
          navOpened={navOpened}
          onToggleNav={nav.toggle}
          onLogout={() => logout.mutate()}
          loggingOut={logout.isPending}
        />
      </AppShell.Header>
      {!forced && (
        <AppShell.Navbar id="renkei-navbar" p="xs" aria-label={t('shell.mainNav')}>
          <AppNavbar items={navigation} onNavigate={nav.close} />
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main-content" tabIndex={-1}>
        {logout.isError && <ErrorAlert error={logout.error} title={t('auth.logoutFailed')} />}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
