import { type ConsultationInput, criticalSectors } from '../../../contracts/intake.contracts.js';

/**
 * Default escalation rules to サイバー課 (the brief's list). What each rule tests is code; whether
 * it is on, whether it is urgent (速報), its acknowledgement deadline and its threshold are data
 * the cyber division edits (escalation_rule table).
 */
export interface RuleFacts {
  input: Pick<
    ConsultationInput,
    'modus' | 'paymentMethod' | 'damageAmount' | 'flags' | 'complainant' | 'victim' | 'victimSameAsComplainant'
  >;
  /** Does a correlatable indicator of this record appear in another record? */
  matchesOtherRecord: boolean;
}

export interface RuleDef {
  code: string;
  ja: string;
  en: string;
  urgent: boolean;
  slaMinutes: number;
  threshold?: number;
  test(f: RuleFacts, threshold: number | null): boolean;
}

const seriousOrgModus = new Set(['ransomware', 'unauthorizedAccess', 'dataLeak', 'ddos', 'defacement']);
const victimOf = (f: RuleFacts) => (f.input.victimSameAsComplainant || !f.input.victim ? f.input.complainant : f.input.victim);

export const ruleCatalogue: readonly RuleDef[] = [
  {
    code: 'orgSeriousIntrusion',
    ja: '法人・団体の被害（ランサムウェア・不正アクセス・情報流出・DDoS・改ざん）',
    en: 'Organisation hit by ransomware, intrusion, data leak, DDoS or defacement',
    urgent: false,
    slaMinutes: 60,
    test: (f) => victimOf(f).type === 'organisation' && seriousOrgModus.has(f.input.modus),
  },
  {
    code: 'criticalInfrastructure',
    ja: '重要インフラ事業者・政府機関等の被害',
    en: 'Critical infrastructure or government victim',
    urgent: true,
    slaMinutes: 30,
    test: (f) => {
      const v = victimOf(f);
      return v.type === 'organisation' && v.sector !== undefined && criticalSectors.includes(v.sector);
    },
  },
  {
    code: 'technicalAnalysis',
    ja: '技術的な解析が必要',
    en: 'Technical analysis needed',
    urgent: false,
    slaMinutes: 240,
    test: (f) => f.input.flags.technicalAnalysisNeeded,
  },
  {
    code: 'urgentFreeze',
    ja: '口座凍結等の緊急措置が必要（ネットバンキング・暗号資産による送金）',
    en: 'Urgent freeze (internet banking or crypto transfer)',
    urgent: true,
    slaMinutes: 30,
    test: (f) => (f.input.paymentMethod === 'netBanking' || f.input.paymentMethod === 'crypto') && (f.input.damageAmount ?? 0) > 0,
  },
  {
    code: 'indicatorMatch',
    ja: '他の記録と電話番号・口座・URL 等が一致',
    en: 'Shares an indicator with another record',
    urgent: false,
    slaMinutes: 240,
    test: (f) => f.matchesOtherRecord,
  },
  {
    code: 'otherPrefectureOrAbroad',
    ja: '被疑者・犯罪インフラが他県・国外',
    en: 'Suspect or infrastructure in another prefecture or abroad',
    urgent: false,
    slaMinutes: 240,
    test: (f) => f.input.flags.otherPrefectureOrAbroad,
  },
  {
    code: 'largeHarm',
    ja: '多額・継続・多数の被害（被害額が基準額以上）',
    en: 'Large, ongoing or multi-victim harm',
    urgent: false,
    slaMinutes: 120,
    threshold: 1_000_000,
    test: (f, threshold) =>
      (f.input.damageAmount ?? 0) >= (threshold ?? 1_000_000) || f.input.flags.multipleVictims || f.input.flags.ongoing,
  },
  {
    code: 'minorInvolved',
    ja: '少年が関係',
    en: 'Minor involved',
    urgent: false,
    slaMinutes: 120,
    test: (f) => f.input.flags.minorInvolved || victimOf(f).ageGroup === 'minor',
  },
  {
    code: 'threatToLife',
    ja: '生命・身体への危険',
    en: 'Threat to life',
    urgent: true,
    slaMinutes: 15,
    test: (f) => f.input.flags.threatToLife,
  },
];

export interface RuleSetting {
  code: string;
  enabled: boolean;
  urgent: boolean;
  slaMinutes: number;
  threshold: number | null;
}

export interface RuleOutcome {
  rules: string[];
  urgent: boolean;
  slaMinutes: number;
}

/** Which enabled rules fire; the deadline is the tightest of theirs. Null when none fires. */
export function evaluateRules(settings: readonly RuleSetting[], facts: RuleFacts): RuleOutcome | null {
  const bySetting = new Map(settings.map((s) => [s.code, s]));
  const fired: RuleSetting[] = [];
  for (const def of ruleCatalogue) {
    const s = bySetting.get(def.code) ?? {
      code: def.code,
      enabled: true,
      urgent: def.urgent,
      slaMinutes: def.slaMinutes,
      threshold: def.threshold ?? null,
    };
    if (s.enabled && def.test(facts, s.threshold)) fired.push(s);
  }
  if (fired.length === 0) return null;
  return { rules: fired.map((s) => s.code), urgent: fired.some((s) => s.urgent), slaMinutes: Math.min(...fired.map((s) => s.slaMinutes)) };
}

/** Deadline for a hand-raised escalation without a rule: 速報 15 minutes, otherwise an hour. */
export const manualSlaMinutes = (urgent: boolean) => (urgent ? 15 : 60);

/** The controlled 手口 list as shipped; the cyber division edits it (modus table). */
export const defaultModus: { code: string; ja: string; en: string }[] = [
  { code: 'phishing', ja: 'フィッシング', en: 'Phishing' },
  { code: 'fakeShop', ja: '偽ショッピングサイト', en: 'Fake online shop' },
  { code: 'supportScam', ja: 'サポート詐欺', en: 'Tech-support scam' },
  { code: 'investmentRomance', ja: 'SNS型投資・ロマンス詐欺', en: 'Social-media investment / romance scam' },
  { code: 'oreore', ja: '特殊詐欺（オレオレ・架空料金請求等）', en: 'Special fraud (impersonation, fake bills)' },
  { code: 'oneClick', ja: 'ワンクリック詐欺・架空請求', en: 'One-click fraud' },
  { code: 'auction', ja: 'ネットオークション・フリマ詐欺', en: 'Auction / flea-market fraud' },
  { code: 'ransomware', ja: 'ランサムウェア', en: 'Ransomware' },
  { code: 'unauthorizedAccess', ja: '不正アクセス', en: 'Unauthorized access' },
  { code: 'accountTakeover', ja: 'アカウント乗っ取り', en: 'Account takeover' },
  { code: 'illicitTransfer', ja: 'ネットバンキング不正送金', en: 'Illicit internet-banking transfer' },
  { code: 'dataLeak', ja: '情報流出', en: 'Data leak' },
  { code: 'ddos', ja: 'DDoS攻撃', en: 'DDoS' },
  { code: 'defacement', ja: 'Webサイト改ざん', en: 'Website defacement' },
  { code: 'malware', ja: 'マルウェア感染', en: 'Malware infection' },
  { code: 'sextortion', ja: 'セクストーション', en: 'Sextortion' },
  { code: 'defamation', ja: '誹謗中傷・名誉毀損', en: 'Defamation' },
  { code: 'threat', ja: '脅迫・犯行予告', en: 'Threats' },
  { code: 'illegalContent', ja: '違法・有害情報', en: 'Illegal or harmful content' },
  { code: 'spamMail', ja: '迷惑メール', en: 'Spam mail' },
  { code: 'other', ja: 'その他', en: 'Other' },
];
