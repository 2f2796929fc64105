/**
 * The domains of the brief, in navigation order. `ready` says whether the domain is built;
 * the web shell shows 「準備中」 for the others, never fake data.
 */
export const domainNav = [
  { key: 'dashboard', path: '/dashboard', ja: 'ダッシュボード', en: 'Dashboard', ready: false },
  { key: 'intake', path: '/intake', ja: '相談受理', en: 'Intake', ready: true },
  { key: 'indicators', path: '/indicators', ja: '指標・相関分析', en: 'Indicators', ready: true },
  { key: 'cases', path: '/cases', ja: '事件・支援要請', en: 'Cases & support', ready: true },
  { key: 'countermeasures', path: '/countermeasures', ja: '犯罪インフラ対策', en: 'Countermeasures', ready: false },
  { key: 'sharing', path: '/sharing', ja: '情報共有（STIX/TAXII）', en: 'Sharing (STIX/TAXII)', ready: false },
  { key: 'intel', path: '/intel', ja: '脅威分析', en: 'Threat intelligence', ready: false },
  { key: 'malware', path: '/malware', ja: 'マルウェア解析', en: 'Malware triage', ready: false },
  { key: 'forensics', path: '/forensics', ja: '解析依頼・資機材', en: 'Forensics', ready: false },
  { key: 'people', path: '/people', ja: '人材育成・教養', en: 'Talent & training', ready: false },
  { key: 'outreach', path: '/outreach', ja: '広報啓発・注意喚起', en: 'Outreach & advisories', ready: false },
  { key: 'csirt', path: '/csirt', ja: 'CSIRT', en: 'CSIRT', ready: false },
  { key: 'admin', path: '/admin', ja: 'システム管理', en: 'Administration', ready: true },
] as const;
export type DomainKey = (typeof domainNav)[number]['key'];
