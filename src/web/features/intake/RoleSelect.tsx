import { NativeSelect } from '@mantine/core';
import { type IndicatorRole, indicatorRoleLabels, indicatorRoles } from '../../../contracts/indicators.contracts.js';
import { useLocalized } from '../../i18n/index.js';

/** 相手方・被疑者側 / 相談者・被害者側 / 不明: a value's role in its record (form chips and record detail). */
export function RoleSelect({
  value,
  onChange,
  label,
  disabled,
}: {
  value: IndicatorRole;
  onChange: (role: IndicatorRole) => void;
  label: string;
  disabled?: boolean;
}) {
  const localized = useLocalized();
  return (
    <NativeSelect
      size="xs"
      aria-label={label}
      value={value}
      disabled={disabled}
      data={indicatorRoles.map((role) => ({ value: role, label: localized(indicatorRoleLabels[role]) }))}
      onChange={(event) => {
        const next = indicatorRoles.find((role) => role === event.currentTarget.value);
        if (next) onChange(next);
      }}
      style={{ width: 'auto' }}
    />
  );
}
