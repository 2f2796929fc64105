import type { Role, UnitKind } from '../../../contracts/roles.contracts.js';

/**
 * A prefecture's organisation for demonstration: HQ divisions, ~25 police stations and the
 * external bodies Renkei coordinates with. Names follow the Miyagi Prefectural Police layout;
 * nothing here is real personal data.
 */
export interface DemoUnit {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  parent?: string;
  prefectureWide?: boolean;
}

export const demoUnits: DemoUnit[] = [
  { code: 'HQ', name: '宮城県警察本部', nameEn: 'Miyagi Prefectural Police HQ', kind: 'headquarters' },
  { code: 'HQ-SEIAN', name: '生活安全部', nameEn: 'Community Safety Department', kind: 'hqDivision', parent: 'HQ' },
  {
    code: 'HQ-CYBER',
    name: '生活安全部 サイバー犯罪対策課',
    nameEn: 'Cybercrime Division',
    kind: 'hqDivision',
    parent: 'HQ-SEIAN',
    prefectureWide: true,
  },
  { code: 'HQ-SEIKEI', name: '生活安全部 生活経済課', nameEn: 'Economic Crime Division', kind: 'hqDivision', parent: 'HQ-SEIAN' },
  { code: 'HQ-KEIJI', name: '刑事部', nameEn: 'Criminal Investigation Department', kind: 'hqDivision', parent: 'HQ' },
  { code: 'HQ-SOUSA2', name: '刑事部 捜査第二課', nameEn: 'Second Investigation Division', kind: 'hqDivision', parent: 'HQ-KEIJI' },
  { code: 'HQ-KEIBI', name: '警備部', nameEn: 'Security Department', kind: 'hqDivision', parent: 'HQ' },
  { code: 'HQ-KEIMU', name: '警務部 警務課', nameEn: 'Personnel Division', kind: 'hqDivision', parent: 'HQ' },
  { code: 'HQ-KYOYO', name: '警務部 教養課', nameEn: 'Training Division', kind: 'hqDivision', parent: 'HQ' },
  { code: 'HQ-JOHO', name: '総務部 情報管理課', nameEn: 'Information Management Division', kind: 'hqDivision', parent: 'HQ' },
  { code: 'HQ-CSIRT', name: '宮城県警察 CSIRT', nameEn: 'Police CSIRT', kind: 'hqDivision', parent: 'HQ' },
  { code: 'EXT-KAISEKI', name: '東北管区警察局 宮城県情報通信部 情報技術解析課', nameEn: 'Technical Analysis Unit', kind: 'external' },
  { code: 'EXT-NPA', name: '警察庁 サイバー警察局', nameEn: 'NPA Cyber Affairs Bureau', kind: 'external' },
  { code: 'EXT-IWATE', name: '岩手県警察本部 サイバー犯罪対策課', nameEn: 'Iwate Prefectural Police (cyber)', kind: 'external' },
  { code: 'EXT-FUKUSHIMA', name: '福島県警察本部 サイバー犯罪対策課', nameEn: 'Fukushima Prefectural Police (cyber)', kind: 'external' },
  { code: 'EXT-PARTNER', name: '宮城県サイバーセキュリティ協議会', nameEn: 'Miyagi Cybersecurity Council', kind: 'external' },
  ...[
    ['SENDAI-CHUO', '仙台中央警察署', 'Sendai-Chuo'],
    ['SENDAI-MINAMI', '仙台南警察署', 'Sendai-Minami'],
    ['SENDAI-KITA', '仙台北警察署', 'Sendai-Kita'],
    ['SENDAI-HIGASHI', '仙台東警察署', 'Sendai-Higashi'],
    ['IZUMI', '泉警察署', 'Izumi'],
    ['WAKABAYASHI', '若林警察署', 'Wakabayashi'],
    ['SHIOGAMA', '塩釜警察署', 'Shiogama'],
    ['TAIWA', '大和警察署', 'Taiwa'],
    ['IWANUMA', '岩沼警察署', 'Iwanuma'],
    ['WATARI', '亘理警察署', 'Watari'],
    ['OGAWARA', '大河原警察署', 'Ogawara'],
    ['SHIROISHI', '白石警察署', 'Shiroishi'],
    ['KAKUDA', '角田警察署', 'Kakuda'],
    ['FURUKAWA', '古川警察署', 'Furukawa'],
    ['KAMI', '加美警察署', 'Kami'],
    ['TODA', '遠田警察署', 'Toda'],
    ['NARUKO', '鳴子警察署', 'Naruko'],
    ['TSUKIDATE', '築館警察署', 'Tsukidate'],
    ['WAKAYANAGI', '若柳警察署', 'Wakayanagi'],
    ['SANUMA', '佐沼警察署', 'Sanuma'],
    ['TOME', '登米警察署', 'Tome'],
    ['ISHINOMAKI', '石巻警察署', 'Ishinomaki'],
    ['KAHOKU', '河北警察署', 'Kahoku'],
    ['MINAMISANRIKU', '南三陸警察署', 'Minamisanriku'],
    ['KESENNUMA', '気仙沼警察署', 'Kesennuma'],
  ].map(([code, name, en]) => ({
    code: `ST-${code}`,
    name: name as string,
    nameEn: `${en} Police Station`,
    kind: 'station' as const,
    parent: 'HQ',
  })),
];

export interface DemoUser {
  loginId: string;
  displayName: string;
  unit: string;
  role: Role;
}

/** One or more accounts per role, so every screen can be tried with the right eyes. */
export const demoUsers: DemoUser[] = [
  { loginId: 'chuo.sato', displayName: '佐藤 健一', unit: 'ST-SENDAI-CHUO', role: 'stationOfficer' },
  { loginId: 'chuo.kacho', displayName: '高橋 修', unit: 'ST-SENDAI-CHUO', role: 'stationManager' },
  { loginId: 'ishinomaki.suzuki', displayName: '鈴木 美咲', unit: 'ST-ISHINOMAKI', role: 'stationOfficer' },
  { loginId: 'furukawa.ito', displayName: '伊藤 大輔', unit: 'ST-FURUKAWA', role: 'stationOfficer' },
  { loginId: 'cyber.watanabe', displayName: '渡辺 直樹', unit: 'HQ-CYBER', role: 'cyberAnalyst' },
  { loginId: 'cyber.yamamoto', displayName: '山本 彩', unit: 'HQ-CYBER', role: 'cyberAnalyst' },
  { loginId: 'seikei.nakamura', displayName: '中村 誠', unit: 'HQ-SEIKEI', role: 'caseInvestigator' },
  { loginId: 'kaiseki.kobayashi', displayName: '小林 陽介', unit: 'EXT-KAISEKI', role: 'technicalAnalyst' },
  { loginId: 'csirt.kato', displayName: '加藤 由美', unit: 'HQ-CSIRT', role: 'csirt' },
  { loginId: 'kyoyo.yoshida', displayName: '吉田 恵', unit: 'HQ-KYOYO', role: 'hrTraining' },
  { loginId: 'exec.yamada', displayName: '山田 隆', unit: 'HQ', role: 'executive' },
  { loginId: 'partner.council', displayName: '協議会 連携端末', unit: 'EXT-PARTNER', role: 'partner' },
];
