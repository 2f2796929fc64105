import { z } from 'zod';

/**
 * Indicator types and their one canonical form each. Storage, correlation, the labelled
 * benchmark corpus (bench/corpus) and the API all use exactly these forms.
 *
 * - url:        WHATWG-serialised after refanging: scheme and host lower case, host in punycode,
 *               default port dropped, fragment dropped, path and query kept as written.
 *               e.g. "https://xn--eckwd4c7c.xn--zckzah/login?id=1"
 * - domain:     lower case, punycode, no trailing dot, must have a public suffix (tldts).
 *               Hosts of extracted URLs are also reported as domains.
 * - ipv4:       dotted decimal without leading zeros.            "203.0.113.5"
 * - ipv6:       RFC 5952 compressed, lower case (ipaddr.js).      "2001:db8::1"
 * - cidr:       network address / prefix length.                 "198.51.100.0/24"
 * - email:      lower case.                                       "info@example.co.jp"
 * - phone:      E.164.                                            "+819012345678", "+81120123456"
 * - bankAccount: "<bank 4>-<branch 3>-<type>-<number 7>", type 1 普通, 2 当座, 4 貯蓄; bank and
 *               branch codes must exist in zengin-code; Japan Post Bank 記号/番号 converted to
 *               branch and number (see normalise.bank.ts).                "0005-001-1-1234567"
 * - btc:        as written for base58, lower case for bech32.
 * - eth:        lower case 0x + 40 hex (mixed case input must pass the EIP-55 checksum).
 * - trx:        TRON base58check address as written (T…, 34 chars).
 * - md5, sha1, sha256, sha512: lower-case hex.
 * - cve:        upper case "CVE-2024-12345".
 * - social:     "<service>:<handle>" lower case, service one of x, instagram, facebook, tiktok,
 *               line, telegram, youtube; only when the text names the service.  "x:@fake_support" → "x:fake_support"
 */
export const indicatorTypes = [
  'url',
  'domain',
  'ipv4',
  'ipv6',
  'cidr',
  'email',
  'phone',
  'bankAccount',
  'btc',
  'eth',
  'trx',
  'md5',
  'sha1',
  'sha256',
  'sha512',
  'cve',
  'social',
] as const;
export const indicatorTypeSchema = z.enum(indicatorTypes);
export type IndicatorType = z.infer<typeof indicatorTypeSchema>;

export const indicatorTypeLabels: Record<IndicatorType, { ja: string; en: string }> = {
  url: { ja: 'URL', en: 'URL' },
  domain: { ja: 'ドメイン', en: 'Domain' },
  ipv4: { ja: 'IPアドレス（v4）', en: 'IPv4 address' },
  ipv6: { ja: 'IPアドレス（v6）', en: 'IPv6 address' },
  cidr: { ja: 'IPアドレス範囲', en: 'CIDR range' },
  email: { ja: 'メールアドレス', en: 'Email address' },
  phone: { ja: '電話番号', en: 'Phone number' },
  bankAccount: { ja: '銀行口座', en: 'Bank account' },
  btc: { ja: '暗号資産アドレス（ビットコイン）', en: 'Bitcoin address' },
  eth: { ja: '暗号資産アドレス（イーサリアム）', en: 'Ethereum address' },
  trx: { ja: '暗号資産アドレス（トロン）', en: 'TRON address' },
  md5: { ja: 'ハッシュ値（MD5）', en: 'MD5' },
  sha1: { ja: 'ハッシュ値（SHA-1）', en: 'SHA-1' },
  sha256: { ja: 'ハッシュ値（SHA-256）', en: 'SHA-256' },
  sha512: { ja: 'ハッシュ値（SHA-512）', en: 'SHA-512' },
  cve: { ja: '脆弱性識別子（CVE）', en: 'CVE' },
  social: { ja: 'SNSアカウント', en: 'Social media account' },
};

/**
 * An indicator's role in its record: the other side (相手方・被疑者側), the complainant's or
 * victim's own (相談者・被害者側: equal to a party field), or not known. Values of the victim's
 * side stay in their record: never counted, looked up, correlated or escalated on.
 */
export const indicatorRoles = ['offender', 'victim', 'unknown'] as const;
export const indicatorRoleSchema = z.enum(indicatorRoles);
export type IndicatorRole = z.infer<typeof indicatorRoleSchema>;
export const VICTIM_ROLE: IndicatorRole = 'victim';
export const indicatorRoleLabels: Record<IndicatorRole, { ja: string; en: string }> = {
  offender: { ja: '相手方・被疑者側', en: 'Other party / suspect' },
  victim: { ja: '相談者・被害者側', en: 'Complainant / victim' },
  unknown: { ja: '不明', en: 'Unknown' },
};

/**
 * A value that looks like an indicator but is not certain: needsConfirmation when a part could not
 * be resolved (an account whose bank or branch is not in zengin-code, an IPv4 written with leading
 * zeros, which some parsers read as octal), malformed when it fails a check (a Japan Post 番号
 * whose check digit is wrong, a phone number of impossible length). Such a candidate is shown to the
 * officer to correct or confirm; it is never stored, looked up or correlated as a certain value.
 * Its value is the best reading, with `?` for unknown parts of an account: "0005-???-1-1234567".
 */
export const candidateStatuses = ['needsConfirmation', 'malformed'] as const;
export const candidateStatusSchema = z.enum(candidateStatuses);
export type CandidateStatus = z.infer<typeof candidateStatusSchema>;
export const candidateReasons = [
  'bank_unknown',
  'branch_unknown',
  'type_unknown',
  'check_digit',
  'phone_length',
  'ipv4_leading_zero',
] as const;
export const candidateReasonSchema = z.enum(candidateReasons);
export type CandidateReason = z.infer<typeof candidateReasonSchema>;
export const candidateReasonLabels: Record<CandidateReason, { ja: string; en: string }> = {
  bank_unknown: { ja: '金融機関を特定できません', en: 'bank not found' },
  branch_unknown: { ja: '支店を特定できません', en: 'branch not found' },
  type_unknown: { ja: '預金種目の記載がありません', en: 'account type not written' },
  check_digit: { ja: '番号の検査数字が合いません', en: 'check digit does not match' },
  phone_length: { ja: '電話番号の桁数が合いません', en: 'impossible number of digits' },
  ipv4_leading_zero: { ja: '先頭に0のある数字（8進数と読まれる場合あり）', en: 'leading zeros (read as octal by some parsers)' },
};
/** How a candidate is labelled where people see it: 「口座らしき記載（形式不正）」. */
export const candidateLabels: Record<CandidateStatus, Partial<Record<IndicatorType, { ja: string; en: string }>>> = {
  malformed: {
    bankAccount: { ja: '口座らしき記載（形式不正）', en: 'Looks like an account (malformed)' },
    phone: { ja: '電話番号らしき記載（形式不正）', en: 'Looks like a phone number (malformed)' },
  },
  needsConfirmation: {
    bankAccount: { ja: '銀行口座（要確認）', en: 'Bank account (to confirm)' },
    ipv4: { ja: 'IPアドレス（要確認）', en: 'IP address (to confirm)' },
  },
};

/** One hit in a text: canonical value, the raw span as written, and its UTF-16 offsets in the original. */
export const extractionHitSchema = z.object({
  type: indicatorTypeSchema,
  value: z.string(),
  raw: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  defanged: z.boolean(),
  /** Extra facts for people: bank and branch names, account holder, phone line type. */
  attributes: z.record(z.string(), z.string()).optional(),
  /** Present only on a candidate (see candidateStatuses): what is uncertain about it, and why. */
  status: candidateStatusSchema.optional(),
  reasons: z.array(candidateReasonSchema).optional(),
});
export type ExtractionHit = z.infer<typeof extractionHitSchema>;

export const extractRequestSchema = z.strictObject({ text: z.string().max(500_000) });

export const indicatorSchema = z.object({
  id: z.number(),
  type: z.string(),
  value: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  recordCount: z.number(),
  common: z.boolean(),
  warnings: z.array(z.string()),
  /** For the shared renderer (indicators.display.ts): bank and branch names, an IDN host in Unicode. */
  attributes: z.record(z.string(), z.string()).optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const annotatedHitSchema = extractionHitSchema.extend({
  warnings: z.array(z.string()),
  known: z.object({ indicatorId: z.number(), recordCount: z.number(), common: z.boolean() }).nullable(),
});
export const extractResponseSchema = z.object({ hits: z.array(annotatedHitSchema) });

export const lookupItemSchema = z.object({ type: indicatorTypeSchema, value: z.string().min(1).max(2000) });
export const lookupBatchSchema = z.strictObject({ items: z.array(lookupItemSchema).min(1).max(10_000) });
export const lookupResultSchema = z.object({
  items: z.array(
    z.object({
      type: indicatorTypeSchema,
      query: z.string(),
      value: z.string(),
      /** False when the input does not read as a value of that type (a typo, a partial number). */
      valid: z.boolean(),
      indicator: indicatorSchema.nullable(),
      warnings: z.array(z.string()),
    }),
  ),
});

/** How people know a record (「2026-000123 架空請求」) and where it opens; null for types without one. */
export const recordLabelSchema = z.object({ title: z.string(), link: z.string() }).nullable();

export const sightingViewSchema = z.object({
  label: recordLabelSchema.optional(),
  recordType: z.string(),
  recordId: z.string(),
  unitId: z.string().nullable(),
  seenAt: z.string(),
  start: z.number().nullable(),
  end: z.number().nullable(),
});
export const indicatorDetailSchema = z.object({
  /** Null when no record the caller may read holds it: then only `hiddenRecords` is told. */
  indicator: indicatorSchema.nullable(),
  sightings: z.array(sightingViewSchema),
  /** Records the caller may not read: a count only, with a way to ask for access. */
  hiddenRecords: z.number(),
});
export const clusterSchema = z.object({
  clusterId: z.number().nullable(),
  records: z.array(
    z.object({ recordType: z.string(), recordId: z.string(), unitId: z.string().nullable(), label: recordLabelSchema.optional() }),
  ),
  hidden: z.number(),
  links: z.array(z.object({ recordType: z.string(), recordId: z.string(), indicatorId: z.number() })),
  /** The values the links are made of (each held by two or more records the caller may read). */
  indicators: z.array(
    z.object({ id: z.number(), type: z.string(), value: z.string(), attributes: z.record(z.string(), z.string()).optional() }),
  ),
});

/** Warning lists: known-benign values. Shipped (MISP, Renkei) lists are read-only; local ones are the cyber division's. */
export const warningListKindSchema = z.enum(['cidr', 'hostname', 'string']);
export type WarningListKind = z.infer<typeof warningListKindSchema>;
export const warningListKindLabels: Record<WarningListKind, { ja: string; en: string }> = {
  cidr: { ja: 'IP アドレス・範囲（CIDR）', en: 'IP addresses and ranges (CIDR)' },
  hostname: { ja: 'ドメイン（サブドメインを含む）', en: 'Domains (and their subdomains)' },
  string: {
    ja: '完全一致する値（電話番号・口座・ドメイン名・ハッシュ値など）',
    en: 'Exact values (phone numbers, accounts, domain names, hashes and the like)',
  },
};
export const warningListSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameJa: z.string(),
  source: z.enum(['misp', 'renkei', 'local']),
  kind: warningListKindSchema,
  size: z.number(),
  version: z.number().nullable(),
  updatedAt: z.string().nullable(),
});
export type WarningListInfo = z.infer<typeof warningListSchema>;
export const warningListCatalogueSchema = z.object({ lists: z.array(warningListSchema) });
export const localWarningListDetailSchema = warningListSchema.extend({ entries: z.array(z.string()) });
/** Limits of a local warning list: its name, one entry, and how many entries. */
export const WARNING_LIST_NAME_MAX = 100;
export const WARNING_LIST_ENTRY_MAX = 300;
export const WARNING_LIST_ENTRIES_MAX = 100_000;
export const localWarningListInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(WARNING_LIST_NAME_MAX),
  kind: warningListKindSchema,
  entries: z.array(z.string().max(WARNING_LIST_ENTRY_MAX)).min(1).max(WARNING_LIST_ENTRIES_MAX),
});
/** The name people read for a list, in the UI's language. */
export const warningListName = (list: Pick<WarningListInfo, 'id' | 'name' | 'nameJa'>, lng: string) =>
  (lng === 'en' ? list.name : list.nameJa) || list.id;
export const localWarningListUpdateSchema = localWarningListInputSchema.extend({ version: z.number().int().positive() });

/**
 * 「この電話番号は他に 3 件の記録で確認されています」: for one value, the other records holding it
 * that the reader may open (any record type: consultations, cases, …, with the number and title
 * their domain gives and where they open), and how many more they may not (a count, never which).
 */
export const relatedNoticeSchema = z.object({
  type: z.string(),
  value: z.string(),
  attributes: z.record(z.string(), z.string()).optional(),
  visible: z.array(
    z.object({
      recordType: z.string(),
      id: z.string(),
      /** Number and title, as the record's domain labels it (2026-000123 件名, 2026-事-000004 件名). */
      title: z.string(),
      link: z.string(),
      unitId: z.string().nullable(),
      unitName: z.string(),
      unitNameEn: z.string(),
    }),
  ),
  hidden: z.number(),
});
export type RelatedNotice = z.infer<typeof relatedNoticeSchema>;
