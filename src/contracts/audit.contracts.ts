import { z } from 'zod';

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
  reason: z.enum(['hash', 'link']).nullable(),
});

/** Action names the viewer offers as filters, with labels for people. */
export const auditActionLabels: Record<string, { ja: string; en: string }> = {
  'auth.login': { ja: 'ログイン', en: 'Login' },
  'auth.logout': { ja: 'ログアウト', en: 'Logout' },
  'auth.logout_all': { ja: '全端末からログアウト', en: 'Logout everywhere' },
  'auth.session_revoke': { ja: 'セッション無効化', en: 'Session revoked' },
  'auth.password_change': { ja: 'パスワード変更', en: 'Password changed' },
  'auth.lockout': { ja: 'アカウントロック', en: 'Account locked' },
  'auth.mfa_setup': { ja: '二要素認証の登録開始', en: 'MFA enrolment started' },
  'auth.mfa_enable': { ja: '二要素認証の登録', en: 'MFA enabled' },
  'auth.mfa_reset': { ja: '二要素認証の初期化', en: 'MFA reset' },
  'auth.recovery_code_use': { ja: 'リカバリーコード使用', en: 'Recovery code used' },
  'auth.token_create': { ja: 'APIトークン発行', en: 'API token created' },
  'auth.token_revoke': { ja: 'APIトークン失効', en: 'API token revoked' },
  'org.unit.create': { ja: '所属の作成', en: 'Unit created' },
  'org.unit.update': { ja: '所属の変更', en: 'Unit updated' },
  'org.user.create': { ja: '職員の作成', en: 'User created' },
  'org.user.update': { ja: '職員の変更', en: 'User updated' },
  'org.user.password_reset': { ja: 'パスワード再発行', en: 'Password reset' },
  'org.user.unlock': { ja: 'ロック解除', en: 'Account unlocked' },
  'org.seed_demo': { ja: 'デモデータ作成', en: 'Demo data created' },
  'audit.export': { ja: '監査ログの出力', en: 'Audit export' },
  'access.share': { ja: '記録の共有', en: 'Record shared' },
  'indicators.import': { ja: '指標の取り込み', en: 'Indicators imported' },
  'crypto.rotate': { ja: '暗号鍵の更新', en: 'Key rotation' },
  'system.job.retry': { ja: 'ジョブ再実行', en: 'Job retried' },
};
