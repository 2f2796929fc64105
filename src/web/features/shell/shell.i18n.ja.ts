/** 画面の枠・ホーム strings (Japanese); merged into the i18next resources by app/i18n.ts. */
export const shellJa = {
  shell: {
    skipToContent: '本文へスキップ',
    mainNav: 'メインメニュー',
    toggleNav: 'メニューの表示切替',
    notReadyBadge: '準備中',
    sessionErrorTitle: 'ログイン状態を確認できませんでした',
    accountSuffix: '（アカウント設定）',
  },
  home: {
    welcome: 'ようこそ、{{name}}さん',
    intro: 'メニューから業務を選択してください。',
    name: '氏名',
    unit: '所属',
    role: '役割',
  },
  notReady: {
    title: 'この機能は準備中です',
    body: 'この業務機能は現在開発中のため、まだ利用できません。',
  },
} as const;
