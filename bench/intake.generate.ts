import type { ConsultationInput } from '../src/contracts/intake.contracts.js';

/**
 * Realistic Japanese consultation records for benchmarks: narratives written the way officers
 * write them, carrying phone numbers, URLs and bank accounts drawn from pools, so that values
 * recur across records as fraud infrastructure does (a few very often, most a handful of times).
 */
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const surnames = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本'];
const given = ['太郎', '花子', '一郎', '美咲', '健太', '陽子', '大輔', '恵子', '翔', '由美'];
const towns = [
  '仙台市青葉区',
  '仙台市宮城野区',
  '仙台市若林区',
  '仙台市太白区',
  '仙台市泉区',
  '石巻市',
  '大崎市',
  '名取市',
  '塩竈市',
  '登米市',
  '栗原市',
  '気仙沼市',
];
const brands = ['佐川急便', 'ヤマト運輸', '日本郵便', 'Amazon', '楽天', 'ドコモ', 'au', '三井住友カード', 'イオン銀行', '国税庁'];
const tlds = ['top', 'xyz', 'cn', 'com', 'net', 'shop', 'icu'];
const banks = [
  ['0005', '三菱UFJ銀行'],
  ['0009', '三井住友銀行'],
  ['0001', 'みずほ銀行'],
  ['0010', 'りそな銀行'],
  ['0125', '七十七銀行'],
] as const;

export interface Pools {
  phones: number;
  domains: number;
  accounts: number;
}

/** Skewed reuse: r^3 makes low indexes (the busy call centres and mule accounts) frequent. */
const skew = (r: () => number, n: number) => Math.floor(n * r() ** 3);
const phone = (i: number) => `0${['90', '80', '70', '50'][i % 4]}-${String(1000 + ((i * 7919) % 9000))}-${String(1000 + (i % 9000))}`;
const domain = (_r: () => number, i: number) =>
  `${['secure', 'login', 'info', 'support', 'account'][i % 5]}-${i.toString(36)}.${tlds[i % tlds.length]}`;

type Template = (
  r: () => number,
  p: Pools,
) => {
  category: ConsultationInput['category'];
  modus: string;
  summary: string;
  narrative: string;
  damage?: number;
  pay?: ConsultationInput['paymentMethod'];
};

const templates: Template[] = [
  (r, p) => {
    const b = pick(r, brands);
    const d = domain(r, skew(r, p.domains));
    return {
      category: 'spam',
      modus: 'phishing',
      summary: `${b}を装うSMSによるフィッシング`,
      narrative: `${b}を名乗るSMSが届き、「お荷物のお届けにあがりましたが不在のため持ち帰りました」との内容であった。記載のURL https://${d}/ を開いたところ、ログイン画面が表示され、IDとパスワード、カード番号を入力してしまった。その後、身に覚えのない決済の通知が届いたため来署した。`,
      damage: Math.floor(r() * 20) * 5000,
      pay: 'creditCard',
    };
  },
  (r, p) => {
    const tel = phone(skew(r, p.phones));
    const amount = (1 + Math.floor(r() * 20)) * 10000;
    return {
      category: 'fraud',
      modus: 'supportScam',
      summary: 'パソコンの警告画面からのサポート詐欺',
      narrative: `インターネットを閲覧中、突然パソコンに「ウイルスに感染しました」という警告画面と警告音が出た。画面に表示されたサポート窓口 ${tel} に電話したところ、片言の日本語を話す男から遠隔操作ソフトを入れるよう指示され、修理代として電子マネー${amount.toLocaleString('ja-JP')}円分をコンビニで購入し、番号を伝えた。`,
      damage: amount,
      pay: 'eMoney',
    };
  },
  (r, p) => {
    const [code, name] = pick(r, banks);
    const acct = String(1_000_000 + skew(r, p.accounts)).slice(-7);
    const amount = (10 + Math.floor(r() * 300)) * 10000;
    return {
      category: 'fraud',
      modus: 'investmentRomance',
      summary: 'SNSで知り合った相手からの投資勧誘',
      narrative: `インスタグラムで知り合った外国人投資家を名乗る人物からLINEに誘導され、暗号資産の投資を勧められた。指定された${name}（金融機関コード${code}）仙台支店 普通 ${acct} に計${amount.toLocaleString('ja-JP')}円を振り込んだが、出金しようとすると手数料を要求され、連絡が取れなくなった。詐欺ではないかとの相談。`,
      damage: amount,
      pay: 'bankTransfer',
    };
  },
  (r, p) => {
    const d = domain(r, skew(r, p.domains));
    return {
      category: 'fraud',
      modus: 'fakeShop',
      summary: '偽ショッピングサイトでの購入被害',
      narrative: `検索広告から https://${d}/item/ で人気ブランドのバッグを通常の半額で購入し、代金を個人名義の口座に振り込んだが商品が届かない。サイトの会社概要の住所は存在せず、問い合わせ先のメールアドレスにも返信がない。`,
      damage: (1 + Math.floor(r() * 10)) * 9800,
      pay: 'bankTransfer',
    };
  },
  (_r) => ({
    category: 'intrusion',
    modus: 'unauthorizedAccess',
    summary: 'SNSアカウントの乗っ取り',
    narrative: `昨夜からXのアカウントにログインできなくなった。登録メールアドレスが変更されており、知人に「電子マネーを買ってほしい」とのダイレクトメッセージが送られている。パスワードは他のサイトと同じものを使っていた。不正アクセスの被害として相談。`,
  }),
  (_r) => ({
    category: 'intrusion',
    modus: 'ransomware',
    summary: '事業所のサーバーがランサムウェアに感染',
    narrative: `社内のファイルサーバーのファイルが開けなくなり、拡張子が変わっていた。各端末に身代金を要求する脅迫文が表示されている。VPN機器の更新を長期間していなかった。取引先の情報が流出したおそれがあり、被害届の提出を検討している。`,
  }),
  (_r) => ({
    category: 'defamation',
    modus: 'defamation',
    summary: '掲示板への誹謗中傷の書き込み',
    narrative: `匿名掲示板に実名と勤務先を挙げて「詐欺師」などと書き込まれている。削除を希望しているが、投稿者の特定と処罰も考えている。書き込みのスクリーンショットを持参した。`,
  }),
  (r, p) => {
    const tel = phone(skew(r, p.phones));
    return {
      category: 'fraud',
      modus: 'oreore',
      summary: '未納料金名目の架空請求電話',
      narrative: `自宅の固定電話に ${tel} から「有料サイトの未納料金がある。本日中に支払わないと裁判になる」との自動音声の電話があった。折り返したところ、コンビニでの支払いを求められたので不審に思い、支払う前に相談に来た。被害なし。`,
    };
  },
];

export function generateRecord(
  r: () => number,
  pools: Pools,
  i: number,
): { input: ConsultationInput; unitIndex: number; receivedAt: string } {
  const t = (pick(r, templates) as Template)(r, pools);
  const receivedAt = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 3 * 365 * 86_400_000)).toISOString();
  return {
    unitIndex: i % 25,
    receivedAt,
    input: {
      kind: pick(r, ['consultation', 'consultation', 'report', 'tip'] as const),
      channel: pick(r, ['visit', 'phone', 'call9110', 'online'] as const),
      category: t.category,
      modus: t.modus,
      contactMethods: [],
      receivedAt,
      damageAmount: t.damage ?? null,
      paymentMethod: t.pay ?? null,
      complainant: {
        type: 'individual',
        name: `${pick(r, surnames)} ${pick(r, given)}`,
        address: `宮城県${pick(r, towns)}${1 + Math.floor(r() * 9)}-${1 + Math.floor(r() * 20)}`,
        phone: `0${Math.floor(r() * 2) ? '90' : '22'}-${String(1000 + Math.floor(r() * 9000))}-${String(1000 + Math.floor(r() * 9000))}`,
        ageGroup: pick(r, ['adult', 'senior'] as const),
      },
      victimSameAsComplainant: true,
      wishes: { punishment: r() < 0.4, damageReport: r() < 0.3, removalOnly: false },
      flags: {
        minorInvolved: false,
        threatToLife: false,
        multipleVictims: false,
        ongoing: false,
        otherPrefectureOrAbroad: false,
        technicalAnalysisNeeded: false,
      },
      summary: t.summary,
      narrative: t.narrative,
      excludedIndicators: [],
      indicatorRoles: [],
    },
  };
}
