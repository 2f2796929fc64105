import { z } from 'zod';
import type { Db } from '../../core/db/db.open.js';
import type { Principal } from '../../core/http/http.principal.js';
import { addRoute, type RouteModule } from '../../core/http/http.route.js';

const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const me = (p: Principal | null) => {
  if (!p) throw new Error('notification route without a principal');
  return p.userId;
};

/** Each person reads and clears only their own notifications. */
export function notifyRoutes(deps: { db: Db }): RouteModule {
  const db = deps.db.kysely;
  const tags = ['notifications'];
  return (app) => {
    addRoute(app, {
      method: 'GET',
      url: '/api/notifications',
      access: 'authenticated',
      summary: '自分宛ての通知 / My notifications',
      tags,
      querystring: z.strictObject({ unread: z.enum(['true', 'false']).optional() }),
      response: { 200: z.object({ items: z.array(notificationSchema), unread: z.number() }) },
      async handler({ principal, query }) {
        const uid = me(principal);
        let q = db.selectFrom('notification').selectAll().where('user_id', '=', uid);
        if (query.unread === 'true') q = q.where('read_at', 'is', null);
        const rows = await q.orderBy('created_at', 'desc').limit(100).execute();
        const unread = await db
          .selectFrom('notification')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('user_id', '=', uid)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow();
        return {
          items: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            title: r.title,
            body: r.body,
            link: r.link,
            createdAt: r.created_at,
            readAt: r.read_at,
          })),
          unread: Number(unread.n),
        };
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/notifications/read',
      access: 'authenticated',
      summary: '通知を既読にする / Mark notifications read',
      tags,
      body: z.strictObject({ ids: z.array(z.string().max(64)).max(500).optional() }),
      response: { 200: z.object({ updated: z.number() }) },
      async handler({ principal, body }) {
        let q = db
          .updateTable('notification')
          .set({ read_at: new Date().toISOString() })
          .where('user_id', '=', me(principal))
          .where('read_at', 'is', null);
        if (body.ids) {
          if (body.ids.length === 0) return { updated: 0 };
          q = q.where('id', 'in', body.ids);
        }
        const r = await q.executeTakeFirst();
        return { updated: Number(r.numUpdatedRows) };
      },
    });
  };
}
