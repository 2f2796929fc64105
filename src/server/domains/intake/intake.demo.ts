import type { ConsultationInput } from '../../../contracts/intake.contracts.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import { accountPrincipal } from '../auth/index.js';
import { findAccount } from '../org/index.js';
import { type IntakeDeps, insertConsultation } from './intake.usecases.js';

/**
 * Demo consultations so that every screen has something true-to-life to show: phishing SMS,
 * support scams, investment fraud, a ransomware report, defamation. Two stations share a fraud
 * number, so the correlation notice and a rules-based escalation appear from the first start.
 * All names, numbers and addresses are invented.
 */
type Demo = {
  login: string;
  daysAgo: number;
  input: Partial<ConsultationInput> & Pick<ConsultationInput, 'summary' | 'narrative' | 'category' | 'modus'>;
};

/** The demo's phishing report, which the cases demo builds a case from (demoConsultationId). */
const DEMO_PHISHING_SUMMARY = '宅配業者を装うSMSによるフィッシング';
/** The support-scam number in 石巻署's demo record, which the cases demo's lead names too. */
export const DEMO_SUPPORT_SCAM_PHONE = '050-5212-7788';

/** The fraud number the demo records share; the browser journey types it at another station. */
export const DEMO_SHARED_PHONE = '03-6868-1234';

const demos: Demo[] = [
  {
    login: 'chuo.sato',
    daysAgo: 6,
    input: {
      category: 'fraud',
      modus: 'oreore',
      summary: '未納料金名目の架空請求電話',
      narrative: `自宅に ${DEMO_SHARED_PHONE} から「有料動画サイトの未納料金がある。本日中に支払わないと法的措置をとる」との電話があった。支払う前に不審に思い来署。被害なし。`,
      complainant: {
        type: 'individual',
        name: '青葉 一郎',
        address: '宮城県仙台市青葉区一番町4-1-1',
        phone: '022-200-0001',
        ageGroup: 'senior',
      },
    },
  },
  {
    login: 'chuo.sato',
    daysAgo: 4,
    input: {
      category: 'spam',
      modus: 'phishing',
      contactMethods: ['sms'],
      summary: DEMO_PHISHING_SUMMARY,
      narrative:
        '「お荷物のお届けにあがりましたが不在のため持ち帰りました」とのSMSが届き、記載の https://sagawa-redelivery.top/ を開いてカード番号を入力した。翌日、身に覚えのない3万2千円の決済通知が届いた。',
      damageAmount: 32_000,
      paymentMethod: 'creditCard',
      complainant: {
        type: 'individual',
        name: '宮城野 花子',
        address: '宮城県仙台市宮城野区榴岡5-1-1',
        phone: '090-2000-0002',
        ageGroup: 'adult',
      },
    },
  },
  {
    login: 'ishinomaki.suzuki',
    daysAgo: 3,
    input: {
      category: 'fraud',
      modus: 'supportScam',
      contactMethods: ['webAd'],
      summary: 'パソコンの警告画面からのサポート詐欺',
      narrative: `パソコンに「ウイルスに感染しました」との警告画面が出て、表示された ${DEMO_SUPPORT_SCAM_PHONE} に電話した。遠隔操作ソフトを入れさせられ、修理代として電子マネー5万円分を購入し番号を伝えた。`,
      damageAmount: 50_000,
      paymentMethod: 'eMoney',
      complainant: { type: 'individual', name: '石巻 幸子', address: '宮城県石巻市中央2-1-1', phone: '0225-00-0003', ageGroup: 'senior' },
    },
  },
  {
    login: 'furukawa.ito',
    daysAgo: 2,
    input: {
      category: 'fraud',
      modus: 'investmentRomance',
      contactMethods: ['sns'],
      snsService: 'Instagram / LINE',
      summary: 'SNSで知り合った相手からの暗号資産投資勧誘',
      narrative:
        'インスタグラムで知り合った投資家を名乗る人物からLINEに誘導され、七十七銀行 本店営業部 普通 1234567 に計180万円を振り込んだ。出金しようとすると手数料を要求され、連絡が取れなくなった。',
      damageAmount: 1_800_000,
      paymentMethod: 'bankTransfer',
      complainant: { type: 'individual', name: '古川 誠', address: '宮城県大崎市古川七日町1-1', phone: '080-3000-0004', ageGroup: 'adult' },
      wishes: { punishment: true, damageReport: true, removalOnly: false },
    },
  },
  {
    login: 'chuo.kacho',
    daysAgo: 1,
    input: {
      kind: 'report',
      channel: 'phone',
      category: 'intrusion',
      modus: 'ransomware',
      summary: '事業所のファイルサーバーがランサムウェアに感染',
      narrative:
        'ファイルサーバーのファイルが開けなくなり拡張子が変わっていた。各端末に身代金を要求する脅迫文が表示されている。VPN機器の更新をしていなかった。取引先の情報が流出したおそれがある。',
      complainant: {
        type: 'organisation',
        name: '株式会社みやぎ精密',
        address: '宮城県仙台市若林区卸町1-1-1',
        orgSize: 'sme',
        sector: 'manufacturing',
      },
      flags: {
        technicalAnalysisNeeded: true,
        minorInvolved: false,
        threatToLife: false,
        multipleVictims: false,
        ongoing: true,
        otherPrefectureOrAbroad: false,
      },
    },
  },
  {
    login: 'ishinomaki.suzuki',
    daysAgo: 1,
    input: {
      category: 'defamation',
      modus: 'defamation',
      summary: '掲示板への誹謗中傷の書き込み',
      narrative: '匿名掲示板に実名と勤務先を挙げて「詐欺師」などと書き込まれている。削除を希望しており、処罰までは考えていない。',
      complainant: { type: 'individual', name: '渡波 恵', address: '宮城県石巻市渡波1-1', phone: '090-4000-0005', ageGroup: 'adult' },
      wishes: { punishment: false, damageReport: false, removalOnly: true },
    },
  },
];

/** A demo consultation for other domains' demo data, found here so they never read intake's tables. */
export async function demoConsultationId(db: Db, which: 'phishing'): Promise<string | undefined> {
  const summary = { phishing: DEMO_PHISHING_SUMMARY }[which];
  const row = await db.kysely.selectFrom('consultation').select('id').where('summary', '=', summary).executeTakeFirst();
  return row?.id;
}

export async function seedIntakeDemo(deps: IntakeDeps, now = new Date()): Promise<number> {
  const any = await deps.db.kysely.selectFrom('consultation').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  let n = 0;
  for (const d of demos) {
    const account = await findAccount(deps.db.kysely, { loginId: d.login });
    if (!account) continue;
    const principal = accountPrincipal(account);
    const at = new Date(now.getTime() - d.daysAgo * 86_400_000);
    const input: ConsultationInput = {
      kind: 'consultation',
      channel: 'visit',
      contactMethods: [],
      victimSameAsComplainant: true,
      wishes: { punishment: false, damageReport: false, removalOnly: false },
      flags: {
        minorInvolved: false,
        threatToLife: false,
        multipleVictims: false,
        ongoing: false,
        otherPrefectureOrAbroad: false,
        technicalAnalysisNeeded: false,
      },
      excludedIndicators: [],
      indicatorRoles: [],
      complainant: { type: 'individual' },
      ...d.input,
      receivedAt: at.toISOString(),
    };
    await withTx(deps.db, (tx) => insertConsultation(tx, deps, { principal }, input, { rules: true, now: at, source: 'demo' }));
    n++;
  }
  return n;
}
