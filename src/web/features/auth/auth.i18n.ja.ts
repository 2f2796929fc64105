/** ログイン strings (Japanese); merged into the i18next resources by app/i18n.ts. */
export const authJa = {
  auth: {
    loginId: 'ログインID',
    password: 'パスワード',
    submit: 'ログイン',
    required: '{{field}}を入力してください',
    logout: 'ログアウト',
    loginFailed: 'ログインできませんでした',
    logoutFailed: 'ログアウトできませんでした',
    totpTitle: '二要素認証',
    totpIntro: '認証アプリに表示されている6桁のコードを入力してください。',
    recoveryIntro: 'リカバリーコードを1つ入力してください。使用したコードは再び使えません。',
    totpCode: '確認コード（6桁）',
    recoveryCode: 'リカバリーコード',
    totpFormat: '6桁の数字を入力してください',
    recoveryFormat: 'リカバリーコードを正しく入力してください（例: abcd-efgh-ijkl）',
    useRecovery: 'リカバリーコードを使う',
    useTotp: '認証アプリのコードを使う',
    verify: '確認',
    backToLogin: 'ログインID・パスワードの入力に戻る',
  },
} as const;
