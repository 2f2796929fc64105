import { jstDay } from '../../../contracts/datetime.js';
import { accountPrincipal } from '../auth/index.js';
import { DEMO_SUPPORT_SCAM_PHONE, demoConsultationId } from '../intake/index.js';
import { findAccount } from '../org/index.js';
import { createLegal, createRecipient, putLetterPrefix, transitionLegal } from './cases.legal.js';
import { addTask, applyTemplate } from './cases.tasks.js';
import { addMember, addNote } from './cases.team.js';
import { type CasesDeps, createCase, transitionCase } from './cases.usecases.js';
import { createWarrant, transitionWarrant } from './cases.warrants.js';

/**
 * Demo cases, after intake's demo consultations: サイバー課 builds a case from the 中央署's
 * phishing SMS report and investigates it, so the station sees its consultation became a case;
 * with the phishing checklist's tasks and one for a colleague; a second lead is still a 端緒.
 * Invented, like every demo record.
 */
export async function seedCasesDemo(deps: CasesDeps): Promise<number> {
  const db = deps.db.kysely;
  if (await db.selectFrom('case_record').select('id').limit(1).executeTakeFirst()) return 0;
  const account = await findAccount(db, { loginId: 'cyber.watanabe' });
  if (!account) return 0;
  const ctx = { principal: accountPrincipal(account) };
  const phishing = await demoConsultationId(deps.db, 'phishing');
  const opened = await createCase(deps, ctx, {
    title: '宅配業者をかたるフィッシングサイトによる不正決済事件',
    category: 'spam',
    modus: null,
    narrative: '宅配業者の不在通知を装うSMSから偽サイトへ誘導し、入力されたカード情報で不正決済を行ったもの。',
    consultationIds: phishing ? [phishing] : [],
  });
  await transitionCase(deps, ctx, opened.id, { to: 'investigating', version: opened.version });
  // Its tasks: the phishing checklist, and one for a colleague of the division.
  await applyTemplate(deps.db, ctx, opened.id, 'phishing');
  const colleague = await findAccount(db, { loginId: 'cyber.yamamoto' });
  if (colleague) {
    await addTask(deps.db, ctx, opened.id, {
      title: '偽サイトのドメイン登録情報とホスティング事業者の確認',
      note: 'WHOIS とネームサーバの変遷を記録すること',
      assigneeUserId: colleague.id,
      dueOn: null,
    });
  }
  await seedLettersDemo(deps, ctx, opened.id, colleague);
  await seedTeamDemo(deps, ctx, opened.id);
  await createCase(deps, ctx, {
    title: 'サポート詐欺の電話番号に関する端緒情報',
    category: 'fraud',
    modus: null,
    // The number is 石巻署's demo record's: the lead's page names that record (関連する記録).
    narrative: `複数署から同一の050番号（${DEMO_SUPPORT_SCAM_PHONE}）に関する相談あり。事件化を検討中。`,
    consultationIds: [],
  });
  return 2;
}

/**
 * The recipient registry, the division's 文書記号, and two letters of the phishing case: an
 * inquiry to the hosting company approved by a colleague (so numbered 宮本サ対第1号) and sent, and a
 * preservation request still waiting for a colleague's approval.
 */
async function seedLettersDemo(
  deps: CasesDeps,
  ctx: { principal: ReturnType<typeof accountPrincipal> },
  caseId: string,
  colleague: Awaited<ReturnType<typeof findAccount>>,
) {
  const hosting = await createRecipient(deps.db, ctx, {
    kind: 'provider',
    name: 'みらいホスティング株式会社',
    department: '法務部 捜査照会窓口',
    address: '東京都千代田区丸の内一丁目1番1号',
    bankCode: null,
  });
  const carrier = await createRecipient(deps.db, ctx, {
    kind: 'carrier',
    name: '杜の都モバイル株式会社',
    department: '捜査関係事項照会センター',
    address: '宮城県仙台市青葉区本町二丁目1番1号',
    bankCode: null,
  });
  await createRecipient(deps.db, ctx, {
    kind: 'bank',
    name: '三菱UFJ銀行',
    department: '事務企画部 照会担当',
    address: '',
    bankCode: '0005',
  });
  await putLetterPrefix(deps.db, ctx, '宮本サ対');
  const inquiry = await createLegal(deps.db, ctx, caseId, {
    kind: 'inquiry',
    recipientId: hosting.id,
    subject:
      '貴社サービス上のドメイン「delivery-check[.]example」に係る契約者情報（氏名、住所、連絡先、支払方法）及び令和8年11月1日から同月30日までの管理画面へのアクセス記録（日時、IPアドレス）',
    dueOn: null,
  });
  if (colleague) {
    const reviewer = { principal: accountPrincipal(colleague) };
    const approved = await transitionLegal(deps.db, reviewer, caseId, inquiry.id, { to: 'approved', version: inquiry.version });
    const today = new Date().toISOString().slice(0, 10);
    await transitionLegal(deps.db, ctx, caseId, inquiry.id, { to: 'sent', version: approved.version, sentOn: today });
  }
  await createLegal(deps.db, ctx, caseId, {
    kind: 'preservation',
    recipientId: carrier.id,
    subject: '電話番号 090-1234-5678 に係る令和8年11月1日から同月30日までの通信履歴（SMS 送信記録を含む）',
    dueOn: null,
  });
}

/**
 * The phishing case's team, a note and a warrant: 情報技術解析課's analyst joins it, the lead notes
 * the domain found (read for indicators like the narrative), and a 記録命令付差押許可状 for the
 * hosting company's logs has been issued and not yet executed.
 */
async function seedTeamDemo(deps: CasesDeps, ctx: { principal: ReturnType<typeof accountPrincipal> }, caseId: string) {
  const analyst = await findAccount(deps.db.kysely, { loginId: 'kaiseki.kobayashi' });
  if (analyst) await addMember(deps, ctx, caseId, analyst.id);
  await addNote(deps, ctx, caseId, '偽サイトは takuhai-fuzai-check.top で稼働。同一のネームサーバ上に類似ドメインを3件確認。');
  const today = jstDay(new Date());
  const w = await createWarrant(deps.db, ctx, caseId, {
    kind: 'recordOrder',
    court: '仙台簡易裁判所',
    target: '株式会社みやぎホスティングが保管する takuhai-fuzai-check.top の契約者情報及び管理画面へのアクセス記録',
    requestedOn: today,
  });
  await transitionWarrant(deps.db, ctx, caseId, w.id, { to: 'issued', version: w.version, issuedOn: today, expiresOn: addDays(today, 7) });
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
