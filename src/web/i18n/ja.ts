import type { Widen } from './types.js';

/** Shell-wide Japanese strings (default language); each feature brings its own slice, features/<name>/<name>.i18n.ja.ts. */
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
    noRows: '該当するものはありません',
    sortBy: '並べ替え',
    listSeparator: '、',
    loading: '読み込み中…',
    retry: '再読み込み',
    backHome: 'ホームへ戻る',
    notFoundTitle: 'ページが見つかりません',
    notFoundBody: '指定されたページは存在しないか、移動した可能性があります。',
    errorTitle: 'エラー',
    requestId: '問い合わせ番号: {{id}}',
    cancel: 'キャンセル',
    close: '閉じる',
    save: '保存',
    create: '作成',
    edit: '編集',
    succeeded: '完了しました',
    choose: '選択してください',
    done: '完了',
    actions: '操作',
    all: 'すべて',
    search: '検索',
    clearFilters: '条件をクリア',
    nothingFound: '該当するものがありません',
    copy: 'コピー',
    copyAll: 'すべてコピー',
    copied: 'コピーしました',
    copyFailed: 'コピーできませんでした。表示された値を選択して手動でコピーしてください。',
    download: 'テキストファイルで保存',
    shownOnce: 'この画面でのみ表示されます',
    jstNote: '日時は日本時間（JST）で表示しています。',
    noPermissionTitle: 'この画面を利用する権限がありません',
    noPermissionBody: '必要な権限が付与されていません。利用が必要な場合はシステム管理者に連絡してください。',
    pagination: {
      label: 'ページ切替',
      range: '{{from}}〜{{to}} 件目を表示（全 {{total}} 件）',
      rangeCapped: '{{from}}〜{{to}} 件目を表示（{{total}} 件以上）',
      page: '{{page}} ページ目',
      previous: '前のページ',
      next: '次のページ',
      first: '最初のページ',
      last: '最後のページ',
    },
  },
  org: {
    unitKinds: {
      headquarters: '本部',
      hqDivision: '本部所属',
      station: '警察署',
      policeBox: '交番・駐在所',
      external: '外部機関',
    },
  },
  errors: {
    network: 'サーバーに接続できませんでした。ネットワークを確認し、時間をおいて再度お試しください。',
    http: 'サーバーでエラーが発生しました（HTTP {{status}}）。',
    invalidResponse: 'サーバーからの応答を正しく読み取れませんでした。',
    loginStep: 'ログインの手続きが想定と異なる応答で止まりました。お手数ですが、最初からログインし直してください。',
    unexpected: '予期しないエラーが発生しました。',
  },
} as const;

/** Shape the English core must have: same keys as Japanese, any strings. */
export type CoreTranslation = Widen<typeof ja>;
