import type { MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type IndicatorType, indicatorTypeLabels, indicatorTypeSchema, indicatorTypes } from '../../../contracts/indicators.contracts.js';
import { useLocalized } from '../../i18n/index.js';

/** Type families share a colour and an underline style, so colour is never the only cue. */
export const indicatorFamilies = ['web', 'network', 'contact', 'money', 'hash', 'vuln'] as const;
export type IndicatorFamily = (typeof indicatorFamilies)[number];

export const familyOf: Record<IndicatorType, IndicatorFamily> = {
  url: 'web',
  domain: 'web',
  ipv4: 'network',
  ipv6: 'network',
  cidr: 'network',
  email: 'contact',
  phone: 'contact',
  social: 'contact',
  bankAccount: 'money',
  btc: 'money',
  eth: 'money',
  trx: 'money',
  md5: 'hash',
  sha1: 'hash',
  sha256: 'hash',
  sha512: 'hash',
  cve: 'vuln',
};

export interface FamilyStyle {
  color: MantineColor;
  underline: 'solid' | 'double' | 'dashed' | 'dotted' | 'wavy';
}

export const familyStyle: Record<IndicatorFamily, FamilyStyle> = {
  web: { color: 'blue', underline: 'solid' },
  network: { color: 'cyan', underline: 'dashed' },
  contact: { color: 'green', underline: 'dotted' },
  money: { color: 'orange', underline: 'double' },
  hash: { color: 'purple', underline: 'wavy' },
  vuln: { color: 'red', underline: 'solid' },
};

/** The family of a type string from the API (`indicator.type` is a plain string there). */
export function familyOfType(type: string): IndicatorFamily {
  const parsed = indicatorTypeSchema.safeParse(type);
  return parsed.success ? familyOf[parsed.data] : 'web';
}

/** Label of an indicator type in the UI language; unknown types are shown as they are. */
export function useIndicatorTypeLabel(): (type: string) => string {
  const localized = useLocalized();
  return (type) => {
    const parsed = indicatorTypeSchema.safeParse(type);
    return parsed.success ? localized(indicatorTypeLabels[parsed.data]) : type;
  };
}

/** Options for a type select, in contract order. */
export function useIndicatorTypeOptions(): { value: IndicatorType; label: string }[] {
  const label = useIndicatorTypeLabel();
  return indicatorTypes.map((type) => ({ value: type, label: label(type) }));
}

const knownRecordTypes = ['consultation', 'case'] as const;
type KnownRecordType = (typeof knownRecordTypes)[number];
const isKnownRecordType = (value: string): value is KnownRecordType => (knownRecordTypes as readonly string[]).includes(value);

/** 相談, 事件, … for record types this UI knows; others as stored. */
export function useRecordTypeLabel(): (recordType: string) => string {
  const { t } = useTranslation();
  return (recordType) => (isKnownRecordType(recordType) ? t(`indicators.recordTypes.${recordType}`) : recordType);
}

const attributeKeys = ['bankName', 'branchName', 'holder', 'country', 'lineType', 'suspicious', 'lookalike', 'unicode'] as const;
type AttributeKey = (typeof attributeKeys)[number];
const isAttributeKey = (value: string): value is AttributeKey => (attributeKeys as readonly string[]).includes(value);
const lineTypes = [
  'MOBILE',
  'FIXED_LINE',
  'FIXED_LINE_OR_MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;
type LineType = (typeof lineTypes)[number];
const isLineType = (value: string): value is LineType => (lineTypes as readonly string[]).includes(value);

const deceptions = ['mixed_script', 'confusable', 'invisible_character'] as const;
type Deception = (typeof deceptions)[number];
const isDeception = (value: string): value is Deception => (deceptions as readonly string[]).includes(value);

/** Extraction attributes (bank and branch names, phone line type, what deceives in a host) as "label: value" texts. */
export function useAttributeTexts(): (attributes: Record<string, string> | undefined) => string[] {
  const { t } = useTranslation();
  return (attributes) =>
    Object.entries(attributes ?? {})
      .filter(([, value]) => value !== '')
      .map(([key, value]) => {
        const label = isAttributeKey(key) ? t(`indicators.attributes.${key}`) : key;
        const shown =
          key === 'lineType' && isLineType(value)
            ? t(`indicators.lineTypes.${value}`)
            : key === 'suspicious'
              ? value
                  .split(',')
                  .map((s) => (isDeception(s) ? t(`indicators.deceptions.${s}`) : s))
                  .join(t('common.listSeparator'))
              : value;
        return `${label}: ${shown}`;
      });
}
