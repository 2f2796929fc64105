import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import { assertModus } from '../intake/index.js';

type Line = { title: string; days: number | null };

/**
 * The checklists shipped for the 手口 whose first steps do not vary much; the cyber division
 * changes them (PUT /api/cases/task-templates/:modus). `days`: due that many days after applying.
 */
export const defaultTaskTemplates: Record<string, Line[]> = {
  ransomware: [
    { title: 'ログ保全依頼（被害組織・委託先）', days: 1 },
    { title: '被害範囲の確認（端末・サーバ・情報流出の有無）', days: 3 },
    { title: '情報技術解析課への解析依頼（検体・イメージ）', days: 3 },
    { title: '脅迫文・リークサイトの確認と保存', days: 2 },
    { title: '復旧状況の確認', days: 14 },
  ],
  supportScam: [
    { title: '表示された電話番号の契約者照会', days: 3 },
    { title: '電子マネー・送金先の凍結依頼', days: 1 },
    { title: '遠隔操作ソフトの接続記録の確認', days: 7 },
    { title: '偽警告サイトのURL・IPの保全', days: 2 },
  ],
  phishing: [
    { title: 'フィッシングサイトのURL・IPの保全', days: 1 },
    { title: 'ホスティング事業者・レジストラへの削除依頼', days: 2 },
    { title: '不正送金先口座の凍結依頼', days: 1 },
    { title: 'JC3・協議会への情報共有', days: 3 },
  ],
  illicitTransfer: [
    { title: '送金先口座の凍結依頼', days: 1 },
    { title: '金融機関への取引履歴照会', days: 3 },
    { title: 'ログイン元IPアドレスの照会', days: 7 },
  ],
  unauthorizedAccess: [
    { title: 'アクセスログ保全依頼', days: 1 },
    { title: '接続元IPアドレスの照会', days: 7 },
    { title: '被害範囲の確認', days: 7 },
  ],
  investmentRomance: [
    { title: '振込先口座の凍結依頼', days: 1 },
    { title: 'SNSアカウントの保全・照会', days: 3 },
    { title: '被害金額・送金経過の確認', days: 7 },
  ],
};

/** Ship the default checklists into a fresh install (a table with no checklist at all). */
export async function ensureTaskTemplates(db: Db): Promise<void> {
  await withTx(db, async (tx) => {
    const any = await tx.kysely.selectFrom('case_task_template').select('modus').limit(1).executeTakeFirst();
    if (any) return;
    const rows = Object.entries(defaultTaskTemplates).flatMap(([modus, lines]) =>
      lines.map((l, i) => ({ modus, position: i + 1, title: l.title, days: l.days })),
    );
    await tx.kysely.insertInto('case_task_template').values(rows).execute();
  });
}

export async function listTaskTemplates(db: Db) {
  const rows = await db.kysely.selectFrom('case_task_template').selectAll().orderBy('modus').orderBy('position').execute();
  const by = new Map<string, Line[]>();
  for (const r of rows) by.set(r.modus, [...(by.get(r.modus) ?? []), { title: r.title, days: r.days }]);
  return { items: [...by].map(([modus, items]) => ({ modus, items })) };
}

/** Replace a 手口's checklist (empty removes it); tasks already added from it stay as they are. */
export async function putTaskTemplate(db: Db, ctx: RequestCtx, modus: string, items: Line[]) {
  await withTx(db, async (tx) => {
    await assertModus(tx, modus);
    await tx.kysely.deleteFrom('case_task_template').where('modus', '=', modus).execute();
    if (items.length > 0) {
      await tx.kysely
        .insertInto('case_task_template')
        .values(items.map((l, i) => ({ modus, position: i + 1, title: l.title, days: l.days })))
        .execute();
    }
    await audit(tx, ctx, { action: 'cases.task_template.update', detail: { modus, lines: items.length } });
  });
  return listTaskTemplates(db);
}
