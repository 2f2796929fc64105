/**
 * What the audit catalogue says about one action: labels for people and the kind of thing it
 * acts on. `target` is the stored `target_type` when a call names only the target's id; `record`
 * means the caller names the record type itself (sharing works on any domain's records); null
 * means the action has no target.
 */
export interface AuditActionInfo {
  ja: string;
  en: string;
  target: string | null;
}

/** One domain's audit actions, with the heading the audit viewer groups them under. */
export interface AuditGroup<A extends Record<string, AuditActionInfo> = Record<string, AuditActionInfo>> {
  domain: string;
  label: { ja: string; en: string };
  actions: A;
}

/** Keeps the action names literal, so `AuditAction` is a union the compiler checks. */
export function auditGroup<const A extends Record<string, AuditActionInfo>>(g: AuditGroup<A>): AuditGroup<A> {
  return g;
}
