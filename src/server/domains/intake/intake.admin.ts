import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { modusInputSchema, ruleUpdateSchema } from '../../../contracts/intake.contracts.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import { json, toFlag, toJson } from '../../core/db/db.decode.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import { intakeErrors } from './intake.errors.js';
import { listModus, ruleViews } from './intake.repository.js';
import { defaultModus, ruleCatalogue } from './intake.rules.js';

/**
 * What the cyber division edits: the 手口 list and the escalation rules' switches and deadlines;
 * and what every officer keeps for themselves: saved list views.
 */
export async function ensureIntakeDefaults(db: Db, now = new Date()): Promise<void> {
  await withTx(db, async (tx) => {
    const hasModus = await tx.kysely.selectFrom('modus').select('code').limit(1).executeTakeFirst();
    if (!hasModus) {
      await tx.kysely
        .insertInto('modus')
        .values(defaultModus.map((m, i) => ({ ...m, active: 1, sort: (i + 1) * 10 })))
        .execute();
    }
    for (const r of ruleCatalogue) {
      await tx.kysely
        .insertInto('escalation_rule')
        .values({
          code: r.code,
          enabled: 1,
          urgent: toFlag(r.urgent),
          sla_minutes: r.slaMinutes,
          threshold: r.threshold ?? null,
          updated_at: now.toISOString(),
          updated_by: null,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  });
}

export async function createModus(db: Db, ctx: RequestCtx, m: z.infer<typeof modusInputSchema>) {
  return withTx(db, async (tx) => {
    if (await tx.kysely.selectFrom('modus').select('code').where('code', '=', m.code).executeTakeFirst()) {
      throw intakeErrors.create('intake.modus_exists', { code: m.code });
    }
    await tx.kysely
      .insertInto('modus')
      .values({ code: m.code, ja: m.ja, en: m.en, active: toFlag(m.active), sort: m.sort })
      .execute();
    await audit(tx, ctx, { action: 'intake.modus.create', target: m.code, change: m });
    return listModus(tx.kysely);
  });
}

export async function updateModus(db: Db, ctx: RequestCtx, code: string, m: Partial<z.infer<typeof modusInputSchema>>) {
  return withTx(db, async (tx) => {
    const r = await tx.kysely
      .updateTable('modus')
      .set({
        ...(m.ja ? { ja: m.ja } : {}),
        ...(m.en ? { en: m.en } : {}),
        ...(m.active !== undefined ? { active: toFlag(m.active) } : {}),
        ...(m.sort !== undefined ? { sort: m.sort } : {}),
      })
      .where('code', '=', code)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw intakeErrors.create('intake.unknown_modus', { modus: code });
    await audit(tx, ctx, { action: 'intake.modus.update', target: code, change: m });
    return listModus(tx.kysely);
  });
}

export async function updateRule(db: Db, ctx: RequestCtx, code: string, u: z.infer<typeof ruleUpdateSchema>, now = new Date()) {
  if (!ruleCatalogue.some((r) => r.code === code)) throw intakeErrors.create('intake.rule_not_found');
  return withTx(db, async (tx) => {
    await tx.kysely
      .updateTable('escalation_rule')
      .set({
        ...(u.enabled !== undefined ? { enabled: toFlag(u.enabled) } : {}),
        ...(u.urgent !== undefined ? { urgent: toFlag(u.urgent) } : {}),
        ...(u.slaMinutes !== undefined ? { sla_minutes: u.slaMinutes } : {}),
        ...(u.threshold !== undefined ? { threshold: u.threshold } : {}),
        updated_at: now.toISOString(),
        updated_by: ctx.principal.userId,
      })
      .where('code', '=', code)
      .execute();
    await audit(tx, ctx, { action: 'intake.rule.update', target: code, change: u });
    return ruleViews(tx.kysely);
  });
}

export async function listSavedViews(db: Db, userId: string) {
  const rows = await db.kysely
    .selectFrom('saved_view')
    .selectAll()
    .where('user_id', '=', userId)
    .where('scope', '=', 'intake')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, query: json<Record<string, unknown>>(r.query), createdAt: r.created_at }));
}

export async function saveView(db: Db, ctx: RequestCtx, name: string, query: Record<string, unknown>, now = new Date()) {
  await withTx(db, async (tx) => {
    const id = randomUUID();
    await tx.kysely
      .insertInto('saved_view')
      .values({ id, user_id: ctx.principal.userId, scope: 'intake', name, query: toJson(query), created_at: now.toISOString() })
      .execute();
    await audit(tx, ctx, { action: 'intake.view.save', target: id });
  });
  return listSavedViews(db, ctx.principal.userId);
}

export async function deleteView(db: Db, ctx: RequestCtx, id: string) {
  await withTx(db, async (tx) => {
    const r = await tx.kysely.deleteFrom('saved_view').where('id', '=', id).where('user_id', '=', ctx.principal.userId).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw intakeErrors.create('intake.view_not_found');
    await audit(tx, ctx, { action: 'intake.view.delete', target: id });
  });
  return listSavedViews(db, ctx.principal.userId);
}
