import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { escalationState, intakeCategory, intakeStatus } from '../../../../contracts/intake.contracts.js';
import type { Unit } from '../../../../contracts/org.contracts.js';
import { useUnitOptions } from '../../admin/index.js';
import { useEnumOptions, useModusOptions } from '../labels.js';
import { type ListSearch, parseListSearch } from './filters.js';

interface ListFiltersFormProps {
  value: ListSearch;
  onChange: (next: ListSearch) => void;
  /** Units for the 所属 filter; hidden when the list covers one unit only. */
  units: readonly Unit[] | undefined;
  /** Shown at the end of the keyword row (the 「新規受理」 button). */
  actions?: ReactNode;
}

/** Selects and dates apply at once; the keyword and the amount on Enter or 検索. */
export function ListFiltersForm({ value, onChange, units, actions }: ListFiltersFormProps) {
  const { t } = useTranslation();
  const all = { value: '', label: t('common.all') };
  const unitOptions = useUnitOptions(units);
  const categories = useEnumOptions(intakeCategory);
  const statuses = useEnumOptions(intakeStatus);
  const escalations = useEnumOptions(escalationState);
  const modus = useModusOptions();
  const [q, setQ] = useState(value.q ?? '');
  const [minDamage, setMinDamage] = useState<number | string>(value.minDamage ?? '');
  // A saved view or the back button changes the filters from outside: show what applies.
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  useEffect(() => setMinDamage(value.minDamage ?? ''), [value.minDamage]);

  const apply = (patch: Record<string, unknown>) => onChange(parseListSearch({ ...value, page: undefined, ...patch }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ q, minDamage });
  };
  const select = (key: keyof ListSearch) => (event: { currentTarget: { value: string } }) => apply({ [key]: event.currentTarget.value });

  return (
    <form onSubmit={submit} noValidate aria-label={t('intake.list.filtersLabel')}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('intake.list.keyword')}
            description={t('intake.list.keywordHint')}
            type="search"
            maxLength={200}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit">{t('common.search')}</Button>
          {actions}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {units && (
            <NativeSelect
              label={t('intake.fields.unit')}
              data={[all, ...unitOptions.data]}
              value={value.unitId ?? ''}
              onChange={select('unitId')}
            />
          )}
          <NativeSelect
            label={t('intake.fields.category')}
            data={[all, ...categories]}
            value={value.category ?? ''}
            onChange={select('category')}
          />
          <NativeSelect label={t('intake.fields.modus')} data={[all, ...modus]} value={value.modus ?? ''} onChange={select('modus')} />
          <NativeSelect
            label={t('intake.fields.status')}
            data={[all, ...statuses]}
            value={value.status ?? ''}
            onChange={select('status')}
          />
          <NativeSelect
            label={t('intake.fields.escalation')}
            data={[all, ...escalations]}
            value={value.escalation ?? ''}
            onChange={select('escalation')}
          />
          <TextInput type="date" label={t('intake.list.from')} value={value.from ?? ''} onChange={select('from')} />
          <TextInput type="date" label={t('intake.list.to')} value={value.to ?? ''} onChange={select('to')} />
          <NumberInput
            label={t('intake.list.minDamage')}
            min={0}
            step={10_000}
            thousandSeparator=","
            allowDecimal={false}
            allowNegative={false}
            prefix="¥"
            value={minDamage}
            onChange={setMinDamage}
            onBlur={() => apply({ q: value.q, minDamage })}
          />
        </SimpleGrid>
      </Stack>
    </form>
  );
}
