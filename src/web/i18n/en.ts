import type { Translation } from './ja.js';

/** English UI strings. Keys mirror ja.ts (enforced by the Translation type). */
export const en = {
  app: {
    name: 'Renkei',
    fullTitle: 'Renkei — Cyber Strategy Platform',
    systemName: 'Cyber Strategy Platform',
  },
  language: {
    label: 'Language',
    ja: '日本語',
    en: 'English',
  },
  common: {
    loading: 'Loading…',
    retry: 'Reload',
    backHome: 'Back to home',
    notFoundTitle: 'Page not found',
    notFoundBody: 'The page does not exist or may have moved.',
    errorTitle: 'Error',
    requestId: 'Request ID: {{id}}',
  },
  auth: {
    loginId: 'Login ID',
    password: 'Password',
    submit: 'Log in',
    required: 'Enter your {{field}}',
    logout: 'Log out',
    loginFailed: 'Could not log in',
    logoutFailed: 'Could not log out',
  },
  shell: {
    skipToContent: 'Skip to main content',
    mainNav: 'Main menu',
    toggleNav: 'Toggle menu',
    notReadyBadge: 'Coming soon',
    sessionErrorTitle: 'Could not check your sign-in status',
  },
  home: {
    welcome: 'Welcome, {{name}}',
    intro: 'Choose a task from the menu.',
    name: 'Name',
    unit: 'Unit',
    role: 'Role',
  },
  notReady: {
    title: 'Not available yet',
    body: 'This feature is still being built and cannot be used yet.',
  },
  admin: {
    title: 'Administration',
    tabs: {
      jobs: 'Jobs',
    },
    jobs: {
      heading: 'Background jobs',
      statusFilter: 'Filter by status',
      allStatuses: 'All',
      total: 'Total: {{count}}',
      empty: 'No matching jobs.',
      timezoneNote: 'Times are shown in Japan Standard Time (JST).',
      attemptsValue: '{{attempts}} / {{max}}',
      retry: 'Retry',
      retryLabel: 'Retry {{kind}}',
      retryFailed: 'Could not retry the job',
      columns: {
        kind: 'Kind',
        status: 'Status',
        attempts: 'Attempts',
        lastError: 'Last error',
        runAt: 'Scheduled',
        updatedAt: 'Updated',
        actions: 'Actions',
      },
      status: {
        queued: 'Queued',
        running: 'Running',
        succeeded: 'Succeeded',
        failed: 'Failed',
      },
    },
  },
  errors: {
    network: 'Could not reach the server. Check the network and try again later.',
    http: 'The server returned an error (HTTP {{status}}).',
    invalidResponse: 'The server response could not be read.',
    unexpected: 'An unexpected error occurred.',
  },
} satisfies Translation;
