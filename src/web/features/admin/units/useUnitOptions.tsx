import type { ComboboxItem, SelectProps } from '@mantine/core';
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Unit } from '../../../../contracts/org.contracts.js';
import { useLanguage } from '../../../i18n/index.js';
import { buildUnitTree, flattenTree } from './unitTree.js';

export { useUnitName } from '../../../i18n/index.js';

/**
 * Select options for units in tree order, indented by depth in the dropdown. `exclude` leaves
 * out ids (a unit and its descendants cannot become its own parent).
 */
export function useUnitOptions(
  units: readonly Unit[] | undefined,
  exclude?: ReadonlySet<string>,
): { data: ComboboxItem[]; renderOption: NonNullable<SelectProps['renderOption']> } {
  const lng = useLanguage();
  const rows = useMemo(() => flattenTree(buildUnitTree(units ?? [])), [units]);
  const data = useMemo(
    () =>
      rows
        .filter((row) => !exclude?.has(row.unit.id))
        .map((row) => ({ value: row.unit.id, label: lng === 'en' ? row.unit.nameEn : row.unit.name })),
    [rows, exclude, lng],
  );
  const depth = useMemo(() => new Map(rows.map((row) => [row.unit.id, row.depth])), [rows]);
  const renderOption: NonNullable<SelectProps['renderOption']> = ({ option }) => (
    <Text size="sm" pl={(depth.get(option.value) ?? 0) * 16}>
      {option.label}
    </Text>
  );
  return { data, renderOption };
}
