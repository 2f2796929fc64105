import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/db.schema.js';
import { enqueueJob } from '../../core/jobs/jobs.repository.js';
import type { Mailer } from '../../core/mail/mail.js';

/**
 * Notifications: a row per person in the app, and a mail to the unit's shared mailbox when it has
 * one. Both are written in the caller's transaction (the mail as a queued job), so a rolled-back
 * change notifies nobody and a committed one always does, even if the mail server is down.
 */
export interface Notice {
  kind: string;
  title: string;
  body?: string;
  /** Path inside the web app, e.g. `/intake/…`. */
  link?: string;
  /**
   * What the unit's shared mailbox receives instead, when the in-app text names values (an
   * indicator, say) that stay out of mail: the person reads them in Renkei after signing in.
   */
  mail?: { title: string; body: string };
  /** The same notice in English, for people who use Renkei in English (units by their English names). */
  en?: { title: string; body?: string };
}

export const MAIL_JOB = 'notify.email';

export async function notifyUnit(trx: Kysely<Database>, unitId: string, n: Notice, now = new Date()): Promise<number> {
  const users = await trx.selectFrom('app_user').select('id').where('unit_id', '=', unitId).where('disabled', '=', 0).execute();
  await notifyUsers(
    trx,
    users.map((u) => u.id),
    n,
    now,
  );
  const unit = await trx.selectFrom('unit').select(['email']).where('id', '=', unitId).executeTakeFirst();
  if (unit?.email) {
    await enqueueJob(
      { kysely: trx },
      {
        kind: MAIL_JOB,
        payload: { to: unit.email, subject: n.mail?.title ?? n.title, body: n.mail?.body ?? n.body ?? '', link: n.link ?? null },
      },
      now,
    );
  }
  return users.length;
}

/**
 * Tell a unit and the unit above it (さらに上位へ報告): what a deadline missed by the unit answers
 * to. A unit at the top tells only itself.
 */
export async function notifyUnitAndAbove(trx: Kysely<Database>, unitId: string, n: Notice, now = new Date()): Promise<void> {
  await notifyUnit(trx, unitId, n, now);
  const unit = await trx.selectFrom('unit').select('parent_id').where('id', '=', unitId).executeTakeFirst();
  if (unit?.parent_id) await notifyUnit(trx, unit.parent_id, n, now);
}

export async function notifyUsers(trx: Kysely<Database>, userIds: string[], n: Notice, now = new Date()): Promise<void> {
  if (userIds.length === 0) return;
  await trx
    .insertInto('notification')
    .values(
      userIds.map((user_id) => ({
        id: randomUUID(),
        user_id,
        kind: n.kind,
        title: n.title,
        body: n.body ?? null,
        title_en: n.en?.title ?? null,
        body_en: n.en?.body ?? null,
        link: n.link ?? null,
        created_at: now.toISOString(),
        read_at: null,
      })),
    )
    .execute();
}

/**
 * Mark as read, for everyone, the notices that asked for something now done (a report answered,
 * a request decided): they would otherwise stay unread in every colleague's bell.
 */
export async function resolveNotices(trx: Kysely<Database>, n: { link: string; kinds: string[] }, now = new Date()): Promise<number> {
  const r = await trx
    .updateTable('notification')
    .set({ read_at: now.toISOString() })
    .where('link', '=', n.link)
    .where('kind', 'in', n.kinds)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The mail job: plain text, with a link into Renkei when the public URL is known. Never personal data. */
export function mailJob(mailer: Mailer, publicUrl: string | undefined) {
  return async (payload: unknown) => {
    const p = payload as { to: string; subject: string; body: string; link: string | null };
    if (!mailer.enabled) return;
    const link = p.link && publicUrl ? `\n\n${new URL(p.link, publicUrl).toString()}` : '';
    await mailer.send({ to: p.to, subject: `[Renkei] ${p.subject}`, text: `${p.body}${link}\n\n-- Renkei（連携）自動送信` });
  };
}
