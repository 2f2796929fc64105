import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/db.dialect.js';
import type { Database } from '../db/db.schema.js';
import type { Principal } from '../http/http.principal.js';
import { type AuditInput, writeAudit } from './audit.writer.js';

/** Who acts, from where: what a use case needs to audit a request and to filter by need-to-know. */
export interface RequestCtx {
  principal: Principal;
  requestId?: string;
  clientIp?: string;
}

export function requestCtx(p: Principal | null, req: FastifyRequest): RequestCtx {
  if (!p) throw new Error('route reached without a principal');
  return { principal: p, requestId: req.id, clientIp: req.ip };
}

/** Write one successful audit event for this request, in the caller's transaction. */
export function auditRequest(
  trx: Kysely<Database>,
  d: Dialect,
  ctx: RequestCtx,
  e: Pick<AuditInput, 'action' | 'targetType' | 'targetId' | 'reason' | 'change' | 'detail'>,
): Promise<string> {
  const p = ctx.principal;
  return writeAudit(trx, d, {
    ...e,
    actor: { userId: p.userId, unitId: p.unitId, role: p.role },
    outcome: 'success',
    requestId: ctx.requestId,
    clientIp: ctx.clientIp,
  });
}
