import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { queryClient } from './queryClient.js';
import { router } from './router.js';
import { theme } from './theme.js';

export function App() {
  return (
    <MantineProvider theme={theme} forceColorScheme="light">
      {/* Toasts after every action (api/mutation.ts). */}
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
