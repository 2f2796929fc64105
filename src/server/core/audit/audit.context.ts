import os from 'node:os';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../http/http.principal.js';

/** Who acts, from where: what a use case needs to audit a request and to filter by need-to-know. */
export interface RequestCtx {
  principal: Principal;
  requestId?: string;
  clientIp?: string;
}

export interface AuditActor {
  userId: string;
  unitId: string;
  role: string;
}

/**
 * Someone acting without a signed-in principal: a job or the CLI (`actor: null`), or a sign-in
 * attempt (the account once known, else null). The CLI puts `cli:<os user>` in `clientIp`.
 */
export interface ActorCtx {
  actor: AuditActor | null;
  requestId?: string;
  clientIp?: string;
}

/** The one context `audit()` takes: a request's, or an actor's outside a request. */
export type AuditCtx = RequestCtx | ActorCtx;

/** Jobs run by the server itself: no person, no request. */
export const systemCtx: ActorCtx = { actor: null };

/** A `renkei` command: no signed-in person, so the operating-system account stands in the trail. */
export function cliCtx(): ActorCtx {
  return { actor: null, clientIp: `cli:${os.userInfo().username}` };
}

export function requestCtx(p: Principal | null, req: FastifyRequest): RequestCtx {
  if (!p) throw new Error('route reached without a principal');
  return { principal: p, requestId: req.id, clientIp: req.ip };
}

export function actorOf(ctx: AuditCtx): AuditActor | null {
  if ('principal' in ctx) return { userId: ctx.principal.userId, unitId: ctx.principal.unitId, role: ctx.principal.role };
  return ctx.actor;
}
