import { notifyEndpoints as ep } from '../../../contracts/notify.endpoints.js';
import type { Db } from '../../core/db/db.open.js';
import { type RouteModule, route } from '../../core/http/http.route.js';

/** Each person reads and clears only their own notifications. */
export function notifyRoutes(deps: { db: Db }): RouteModule {
  const db = deps.db.kysely;
  return (app) => {
    route(app, ep.list, async ({ principal, query }) => {
      const uid = principal.userId;
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
          titleEn: r.title_en,
          bodyEn: r.body_en,
          link: r.link,
          createdAt: r.created_at,
          readAt: r.read_at,
        })),
        unread: Number(unread.n),
      };
    });
    route(app, ep.markRead, async ({ principal, body }) => {
      let q = db
        .updateTable('notification')
        .set({ read_at: new Date().toISOString() })
        .where('user_id', '=', principal.userId)
        .where('read_at', 'is', null);
      if (body.ids) {
        if (body.ids.length === 0) return { updated: 0 };
        q = q.where('id', 'in', body.ids);
      }
      const r = await q.executeTakeFirst();
      return { updated: Number(r.numUpdatedRows) };
    });
  };
}
