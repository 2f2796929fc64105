import { z } from 'zod';

/** Roles a user can hold. Identifiers follow docs/GLOSSARY.md. */
export const roles = [
  'stationOfficer',
  'stationManager',
  'cyberAnalyst',
  'caseInvestigator',
  'technicalAnalyst',
  'csirt',
  'hrTraining',
  'executive',
  'sysAdmin',
  'partner',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, { ja: string; en: string }> = {
  stationOfficer: { ja: '署員', en: 'Station officer' },
  stationManager: { ja: '署幹部', en: 'Station manager' },
  cyberAnalyst: { ja: 'サイバー課員', en: 'Cyber division analyst' },
  caseInvestigator: { ja: '事件主管課員', en: 'Case-owning division investigator' },
  technicalAnalyst: { ja: '情報技術解析課員', en: 'Technical analysis unit' },
  csirt: { ja: 'CSIRT', en: 'CSIRT' },
  hrTraining: { ja: '教養担当', en: 'HR / training' },
  executive: { ja: '幹部（ダッシュボード）', en: 'Executive' },
  sysAdmin: { ja: 'システム管理者', en: 'System administrator' },
  partner: { ja: '連携先（機械接続）', en: 'Partner (machine access)' },
};

/** Kinds of organisational unit (所属). */
export const unitKinds = ['headquarters', 'hqDivision', 'station', 'policeBox', 'external'] as const;
export const unitKindSchema = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKindSchema>;
