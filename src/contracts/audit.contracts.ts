import { z } from 'zod';
import type { AuditActionInfo, AuditGroup } from './audit.group.js';
import { authAudit } from './auth.audit.js';
import { casesAudit } from './cases.audit.js';
import { indicatorsAudit } from './indicators.audit.js';
import { intakeAudit } from './intake.audit.js';
import { orgAudit } from './org.audit.js';
import { systemAudit } from './system.audit.js';

export const auditEventSchema = z.object({
  seq: z.number(),
  id: z.string(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorLoginId: z.string().nullable(),
  actorUnitId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  changeDigest: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.strictObject({
  actorUserId: z.string().optional(),
  actorUnitId: z.string().optional(),
  action: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  /** `denied`: refused attempts (need-to-know, permissions, token scopes), for the CSIRT. */
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  /** Page backwards from this sequence number (exclusive). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({ items: z.array(auditEventSchema), nextBefore: z.number().nullable() });

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  rows: z.number(),
  brokenAtSeq: z.number().nullable(),
  reason: z.enum(['hash', 'link', 'unknown_key', 'truncated', 'checkpoint', 'checkpoint_invalid']).nullable(),
  /** Events the head checkpoint (kept outside the database) vouches for that are gone from the end. */
  missing: z.object({ rows: z.number(), fromSeq: z.number(), toSeq: z.number() }).nullable(),
  /** False when no checkpoint was compared: then deleting the newest events cannot be seen. */
  anchored: z.boolean(),
  checkpointSeq: z.number().nullable(),
  message: z.string(),
});

/**
 * The audit action catalogue: every action the server writes, with labels and target kind.
 * Each domain declares its own in `<domain>.audit.ts`; adding a domain is one line here.
 * The server refuses an action not listed (at compile time through `AuditAction`, at run time
 * in `audit()`), and the viewer offers exactly these, grouped by domain.
 */
// biome-ignore format: one line per domain, so domains added in parallel merge without conflict.
export const auditCatalogue = [
  authAudit,
  orgAudit,
  intakeAudit,
  casesAudit,
  indicatorsAudit,
  systemAudit,
] as const;

type ActionsOf<G> = G extends AuditGroup<infer A> ? keyof A & string : never;
export type AuditAction = ActionsOf<(typeof auditCatalogue)[number]>;

export const auditActions: Readonly<Record<AuditAction, AuditActionInfo>> = Object.assign({}, ...auditCatalogue.map((g) => g.actions));

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(auditActions, action);
}

/** Labels by action name, for code that holds a stored (untyped) action string. */
export const auditActionLabels: Readonly<Record<string, { ja: string; en: string } | undefined>> = auditActions;
