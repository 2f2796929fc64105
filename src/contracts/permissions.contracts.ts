import type { Role } from './roles.contracts.js';

/**
 * The one permission catalogue. Every route names one of these (or `public` / `authenticated`);
 * roles are granted permissions here and nowhere else. Record-level need-to-know is enforced
 * on top of these in SQL by each domain.
 */
export const permissions = {
  'system.jobs.read': { ja: 'バックグラウンドジョブの閲覧', en: 'View background jobs' },
  'system.jobs.manage': { ja: 'バックグラウンドジョブの再実行', en: 'Retry background jobs' },
  'org.units.read': { ja: '所属の閲覧', en: 'View units' },
  'org.units.manage': { ja: '所属の管理', en: 'Manage units' },
  'org.users.read': { ja: '職員アカウントの閲覧', en: 'View user accounts' },
  'org.users.manage': { ja: '職員アカウントの管理', en: 'Manage user accounts' },
  'audit.read': { ja: '監査ログの閲覧', en: 'View the audit trail' },
  'auth.tokens.self': { ja: '自分用 API トークンの発行', en: 'Issue own API tokens' },
  'indicators.extract': { ja: '文章からの指標抽出', en: 'Extract indicators from text' },
  'indicators.read': { ja: '指標・相関の閲覧', en: 'Look up indicators and correlations' },
  'indicators.warninglists.manage': { ja: '独自の警告リストの管理', en: 'Manage local warning lists' },
  'intake.read': { ja: '相談等記録の閲覧（知る必要の範囲）', en: 'Read consultation records (need-to-know)' },
  'intake.write': { ja: '相談等の受理・更新・報告', en: 'Record, update and escalate consultations' },
  'intake.reveal': { ja: '個人情報の表示（理由を記録）', en: 'Reveal personal data (reason recorded)' },
  'intake.export': { ja: '相談等記録の出力', en: 'Export consultation records' },
  'intake.import': { ja: '相談簿の取り込み', en: 'Import consultation registers' },
  'intake.escalations.handle': { ja: '報告の確認・指導', en: 'Acknowledge escalations and give guidance' },
  'intake.settings.manage': { ja: '手口・報告基準の管理', en: 'Manage modus list and escalation rules' },
  'cases.read': { ja: '事件・事案の閲覧（知る必要の範囲）', en: 'Read cases (need-to-know)' },
  'cases.write': { ja: '事件・事案の登録・捜査の進行', en: 'Open cases and move them on' },
  'cases.close': { ja: '事件・事案の終結・再開', en: 'Close and reopen cases' },
  'cases.legal.approve': { ja: '照会書・保全要請書の決裁（起案者以外）', en: 'Approve letters (not one’s own)' },
  'dashboard.read': { ja: '集計値（戦略の進捗）の閲覧', en: 'View aggregate figures (progress of the strategy)' },
} as const;

export type Permission = keyof typeof permissions;

/** Pseudo-permissions for routes anyone may call, or anyone logged in. */
export type RouteAccess = Permission | 'public' | 'authenticated';

export const roleGrants: Record<Role, readonly Permission[]> = {
  stationOfficer: [
    'org.units.read',
    'indicators.extract',
    'indicators.read',
    'intake.read',
    'intake.write',
    'intake.reveal',
    'intake.export',
    'cases.read',
    'cases.write',
  ],
  stationManager: [
    'org.units.read',
    'org.users.read',
    'indicators.extract',
    'indicators.read',
    'intake.read',
    'intake.write',
    'intake.reveal',
    'intake.export',
    'intake.import',
    'cases.read',
    'cases.write',
    'cases.close',
    'cases.legal.approve',
    'dashboard.read',
  ],
  cyberAnalyst: [
    'org.units.read',
    'org.users.read',
    'auth.tokens.self',
    'indicators.extract',
    'indicators.read',
    'intake.read',
    'intake.write',
    'intake.reveal',
    'intake.export',
    'intake.import',
    'intake.escalations.handle',
    'intake.settings.manage',
    'indicators.warninglists.manage',
    'cases.read',
    'cases.write',
    'cases.close',
    'cases.legal.approve',
    'dashboard.read',
  ],
  // 事件主管課 own cases; closing one is the division's decision, not only the officer's.
  caseInvestigator: [
    'org.units.read',
    'indicators.extract',
    'indicators.read',
    'intake.read',
    'intake.reveal',
    'cases.read',
    'cases.write',
    'cases.close',
    'cases.legal.approve',
  ],
  // 情報技術解析課 read the cases shared with them for analysis; they open none.
  technicalAnalyst: ['org.units.read', 'indicators.extract', 'indicators.read', 'intake.read', 'cases.read'],
  csirt: ['org.units.read', 'audit.read', 'auth.tokens.self', 'indicators.extract', 'indicators.read'],
  hrTraining: ['org.units.read', 'org.users.read'],
  // Figures only (counts, rates), never a record: an executive's scope stays 'none'.
  executive: ['org.units.read', 'dashboard.read'],
  // Administrators run the system but never read case content: no content permission here.
  sysAdmin: [
    'system.jobs.read',
    'system.jobs.manage',
    'org.units.read',
    'org.units.manage',
    'org.users.read',
    'org.users.manage',
    'audit.read',
    'auth.tokens.self',
  ],
  partner: [],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return roleGrants[role];
}

/** Roles whose accounts must use a second factor (they see everything, or administer accounts). */
export const mfaRequiredRoles: readonly Role[] = ['sysAdmin', 'cyberAnalyst', 'csirt'];

/**
 * Whose records a role may read (need-to-know): every record in the prefecture, those of its own
 * unit plus what was shared with it, or none (roles that administer or see only aggregates).
 */
export type RecordScope = 'prefecture' | 'unit' | 'none';
export const roleScopes: Record<Role, RecordScope> = {
  stationOfficer: 'unit',
  stationManager: 'unit',
  cyberAnalyst: 'prefecture',
  caseInvestigator: 'unit',
  technicalAnalyst: 'unit',
  csirt: 'unit',
  hrTraining: 'none',
  executive: 'none',
  sysAdmin: 'none',
  partner: 'none',
};
