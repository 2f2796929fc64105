import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { escalationState, intakeStatus } from '../../../contracts/intake.contracts.js';
import { useLanguage, useLocalized } from '../../i18n/index.js';
import { modusQueryOptions, rulesQueryOptions } from './settings/api.js';

export type IntakeStatusKey = (typeof intakeStatus.keys)[number];
export type EscalationStateKey = (typeof escalationState.keys)[number];

type LabelSet<K extends string> = { keys: readonly K[]; labels: Record<K, { ja: string; en: string }> };

/** Label of an enum value from the contracts' label maps, in the UI language; "—" for none. */
export function useEnumLabel(): <K extends string>(set: LabelSet<K>, key: K | null | undefined) => string {
  const localized = useLocalized();
  return (set, key) => (key ? localized(set.labels[key]) : '—');
}

/** `{ value, label }` options of a label map, in contract order. */
export function useEnumOptions<K extends string>(set: LabelSet<K>): { value: K; label: string }[] {
  const lng = useLanguage();
  // Stable between renders: a searchable Select forgets its highlighted option when `data` changes.
  return useMemo(() => set.keys.map((key) => ({ value: key, label: set.labels[key][lng] })), [set, lng]);
}

/** 手口 code → name (the list is maintained in settings); the code itself while loading or when unknown. */
export function useModusLabel(): (code: string) => string {
  const localized = useLocalized();
  const modus = useQuery(modusQueryOptions);
  return (code) => {
    const found = modus.data?.find((item) => item.code === code);
    return found ? localized(found) : code;
  };
}

/** Active 手口 as select options (retired ones stay readable on old records but are not offered). */
export function useModusOptions(): { value: string; label: string }[] {
  const lng = useLanguage();
  const modus = useQuery(modusQueryOptions);
  return useMemo(
    () => (modus.data ?? []).filter((item) => item.active).map((item) => ({ value: item.code, label: item[lng] })),
    [modus.data, lng],
  );
}

/** 報告基準 code → name; manual reports have no rule. */
export function useRuleLabel(): (code: string) => string {
  const localized = useLocalized();
  const rules = useQuery(rulesQueryOptions);
  return (code) => {
    const found = rules.data?.find((rule) => rule.code === code);
    return found ? localized(found) : code;
  };
}

const ageGroups = ['minor', 'adult', 'senior'] as const;
export type AgeGroup = (typeof ageGroups)[number];

export function useAgeGroupOptions(): { value: AgeGroup; label: string }[] {
  const { t } = useTranslation();
  return useMemo(() => ageGroups.map((value) => ({ value, label: t(`intake.ageGroups.${value}`) })), [t]);
}
