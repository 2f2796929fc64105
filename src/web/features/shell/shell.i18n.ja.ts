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
    name: '氏名',
    unit: '所属',
    role: '役割',
    title: 'ホーム',
    signedInAs: '{{name}}さん（{{unit}}・{{role}}）',
    waiting: '対応が必要なものが {{count}} 件あります',
    nothingWaiting: 'いま対応が必要なものはありません',
    count: '{{count}} 件',
    none: 'ありません',
    due: '期限 {{at}}',
    more: 'すべて表示（{{count}} 件）',
    andMore: 'ほか {{count}} 件',
    navCount: '対応が必要 {{count}} 件',
    noWork: 'この役割で対応する業務はまだありません。メニューから業務を選択してください。',
    partner:
      'このアカウントは連携先の機械接続用です。情報の受け渡しは、システム管理者が発行した API トークンで行います（画面での操作はありません）。',
  },
  notReady: {
    title: 'この機能は準備中です',
    body: 'この業務機能は現在開発中のため、まだ利用できません。',
  },
} as const;
