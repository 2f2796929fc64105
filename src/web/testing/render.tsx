import '../app/i18n.js';
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { cleanup, render, waitFor, within } from '@testing-library/react';
import { createQueryClient } from '../app/queryClient.js';
import { createAppRouter } from '../app/router.js';
import { theme } from '../app/theme.js';
import { changeLanguage } from '../i18n/index.js';
import { type Answer, type ApiStub, stubApi } from './api.js';

export { fireEvent, waitFor, within } from '@testing-library/react';

/**
 * Open the whole app at a URL, as a user would: the real router (lazy pages, permission guards,
 * layouts), Mantine, Japanese strings and a fresh query cache, over a stubbed server.
 * Queries on the result search the whole document (modals render in portals).
 */
export async function openPage(url: string, answers: Record<string, Answer>) {
  changeLanguage('ja');
  const api = stubApi(answers);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createAppRouter({ queryClient, history: createMemoryHistory({ initialEntries: [url] }) });
  const view = render(
    <MantineProvider theme={theme} forceColorScheme="light">
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  // The route (and its lazy chunk) has loaded once the router is idle. A cold import of a
  // feature's chunk on a busy machine takes seconds: wait for it rather than fail.
  await waitFor(
    () => {
      if (router.state.status !== 'idle') throw new Error('router still loading');
    },
    { timeout: 15_000 },
  );
  return { ...within(document.body), view, api, router, queryClient };
}

/** Unmount and restore fetch after each test (node:test has no global afterEach for RTL to hook). */
export function closePage(page: { api: ApiStub; queryClient: QueryClient } | undefined): void {
  notifications.clean();
  cleanup();
  // Pending garbage-collection and polling timers would otherwise keep the test process alive.
  page?.queryClient.clear();
  page?.api.restore();
}
