/** Japanese UI strings (default language). en.ts must provide the same keys. */
export const ja = {
  app: {
    name: '連携',
    fullTitle: '連携 — サイバー戦略推進システム',
    systemName: 'サイバー戦略推進システム',
  },
  language: {
    label: '表示言語',
    ja: '日本語',
    en: 'English',
  },
  common: {
    loading: '読み込み中…',
    retry: '再読み込み',
    backHome: 'ホームへ戻る',
    notFoundTitle: 'ページが見つかりません',
    notFoundBody: '指定されたページは存在しないか、移動した可能性があります。',
    errorTitle: 'エラー',
    requestId: '問い合わせ番号: {{id}}',
  },
  auth: {
    loginId: 'ログインID',
    password: 'パスワード',
    submit: 'ログイン',
    required: '{{field}}を入力してください',
    logout: 'ログアウト',
    loginFailed: 'ログインできませんでした',
    logoutFailed: 'ログアウトできませんでした',
  },
  shell: {
    skipToContent: '本文へスキップ',
    mainNav: 'メインメニュー',
    toggleNav: 'メニューの表示切替',
    notReadyBadge: '準備中',
    sessionErrorTitle: 'ログイン状態を確認できませんでした',
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
  admin: {
    title: 'システム管理',
    tabs: {
      jobs: 'ジョブ',
    },
    jobs: {
      heading: 'バックグラウンドジョブ',
      statusFilter: '状態で絞り込み',
      allStatuses: 'すべて',
      total: '件数: {{count}}',
      empty: '該当するジョブはありません。',
      timezoneNote: '日時は日本時間（JST）で表示しています。',
      attemptsValue: '{{attempts}} / {{max}}',
      retry: '再実行',
      retryLabel: '{{kind}} を再実行',
      retryFailed: 'ジョブを再実行できませんでした',
      columns: {
        kind: '種別',
        status: '状態',
        attempts: '試行回数',
        lastError: '最終エラー',
        runAt: '実行予定',
        updatedAt: '更新日時',
        actions: '操作',
      },
      status: {
        queued: '待機中',
        running: '実行中',
        succeeded: '完了',
        failed: '失敗',
      },
    },
  },
  errors: {
    network: 'サーバーに接続できませんでした。ネットワークを確認し、時間をおいて再度お試しください。',
    http: 'サーバーでエラーが発生しました（HTTP {{status}}）。',
    invalidResponse: 'サーバーからの応答を正しく読み取れませんでした。',
    unexpected: '予期しないエラーが発生しました。',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Shape every translation must have: same keys as Japanese, any strings. */
export type Translation = Widen<typeof ja>;
