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
    name: 'Name',
    unit: 'Unit',
    role: 'Role',
    title: 'Home',
    signedInAs: '{{name}} ({{unit}}, {{role}})',
    waiting: '{{count}} items need your attention',
    nothingWaiting: 'Nothing needs your attention right now',
    count: '{{count}}',
    none: 'None',
    due: 'Due {{at}}',
    more: 'Show all ({{count}})',
    andMore: '{{count}} more',
    navCount: '{{count}} waiting',
    noWork: 'Nothing for this role yet. Choose a task from the menu.',
    partner:
      'This is a partner organisation’s machine account. It exchanges information through API tokens issued by the administrator; there is nothing to do on screen.',
  },
  notReady: {
    title: 'Not available yet',
    body: 'This feature is still being built and cannot be used yet.',
  },
};
