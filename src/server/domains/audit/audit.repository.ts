import type { Kysely } from 'kysely';
import type { AuditEvent, AuditQuery } from '../../../contracts/audit.contracts.js';
import { jsonOrNull } from '../../core/db/db.decode.js';
import type { Database } from '../../core/db/db.schema.js';

type Row = Database['audit_event'] & { actor_login_id: string | null };

export function toAuditEvent(r: Omit<Row, 'seq'> & { seq: number | bigint }): AuditEvent {
  return {
    seq: Number(r.seq),
    id: r.id,
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    actorLoginId: r.actor_login_id,
    actorUnitId: r.actor_unit_id,
    actorRole: r.actor_role,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    reason: r.reason,
    requestId: r.request_id,
    clientIp: r.client_ip,
    outcome: r.outcome as AuditEvent['outcome'],
    changeDigest: r.change_digest,
    detail: jsonOrNull<AuditEvent['detail']>(r.detail),
  };
}

/** Newest first, filtered in SQL, paged by sequence number (stable while new events arrive). */
export async function queryAudit(db: Kysely<Database>, q: Omit<AuditQuery, 'limit'> & { limit: number }): Promise<AuditEvent[]> {
  let s = db
    .selectFrom('audit_event')
    .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
    .selectAll('audit_event')
    .select('app_user.login_id as actor_login_id')
    .orderBy('audit_event.seq', 'desc')
    .limit(q.limit);
  if (q.actorUserId) s = s.where('audit_event.actor_user_id', '=', q.actorUserId);
  if (q.actorUnitId) s = s.where('audit_event.actor_unit_id', '=', q.actorUnitId);
  if (q.action) s = s.where('audit_event.action', '=', q.action);
  if (q.targetType) s = s.where('audit_event.target_type', '=', q.targetType);
  if (q.targetId) s = s.where('audit_event.target_id', '=', q.targetId);
  if (q.outcome) s = s.where('audit_event.outcome', '=', q.outcome);
  if (q.from) s = s.where('audit_event.occurred_at', '>=', new Date(q.from).toISOString());
  if (q.to) s = s.where('audit_event.occurred_at', '<', new Date(q.to).toISOString());
  if (q.before) s = s.where('audit_event.seq', '<', q.before);
  return (await s.execute()).map(toAuditEvent);
}
