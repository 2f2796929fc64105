import { accountPrincipal } from '../auth/index.js';
import { DEMO_SUPPORT_SCAM_PHONE, demoConsultationId } from '../intake/index.js';
import { findAccount } from '../org/index.js';
import { addTask, applyTemplate } from './cases.tasks.js';
import { type CasesDeps, createCase, transitionCase } from './cases.usecases.js';

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
