import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/org.contracts.js';
import { roleLabels, roleSchema, roles } from '../../../../contracts/roles.contracts.js';
import { useLocalized } from '../../../i18n/index.js';
import { useUnitOptions } from '../units/useUnitOptions.js';
import type { UserFilters } from './api.js';

interface UsersFiltersProps {
  value: UserFilters;
  onChange: (next: UserFilters) => void;
  /** Units to filter by; the unit filter is hidden without them (no org.units.read). */
  units: readonly Unit[] | undefined;
}

export function UsersFilters({ value, onChange, units }: UsersFiltersProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const unitOptions = useUnitOptions(units);
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      {units && (
        <Select
          label={t('admin.users.filters.unit')}
          placeholder={t('common.all')}
          data={unitOptions.data}
          renderOption={unitOptions.renderOption}
          value={value.unitId ?? null}
          onChange={(unitId) => onChange({ ...value, unitId: unitId ?? undefined })}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          w={260}
        />
      )}
      <Select
        label={t('admin.users.filters.role')}
        placeholder={t('common.all')}
        data={roles.map((role) => ({ value: role, label: localized(roleLabels[role]) }))}
        value={value.role ?? null}
        onChange={(role) => {
          const parsed = roleSchema.safeParse(role);
          onChange({ ...value, role: parsed.success ? parsed.data : undefined });
        }}
        clearable
        w={240}
      />
      <TextInput
        label={t('admin.users.filters.search')}
        placeholder={t('admin.users.filters.searchPlaceholder')}
        type="search"
        maxLength={100}
        value={value.q ?? ''}
        onChange={(e) => onChange({ ...value, q: e.currentTarget.value })}
        w={260}
      />
    </Group>
  );
}
