import type { Widen } from '../../i18n/types.js';
import type { shellJa } from './shell.i18n.ja.js';

/** 画面の枠・ホーム strings (English). Keys mirror shell.i18n.ja.ts. */
export const shellEn: Widen<typeof shellJa> = {
  shell: {
    skipToContent: 'Skip to main content',
    mainNav: 'Main menu',
    toggleNav: 'Toggle menu',
    notReadyBadge: 'Coming soon',
    sessionErrorTitle: 'Could not check your sign-in status',
    accountSuffix: ' (account settings)',
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
};
