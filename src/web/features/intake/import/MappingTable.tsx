import { NativeSelect, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, Mapping } from './api.js';

interface MappingTableProps {
  preview: ImportPreview;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
  disabled: boolean;
}

/** For each CSV column, the field it goes into (or 「取り込まない」), with the first row's value as a hint. */
export function MappingTable({ preview, mapping, onChange, disabled }: MappingTableProps) {
  const { t } = useTranslation();
  const options = [
    { value: '', label: t('intake.import.skip') },
    ...Object.entries(preview.fields).map(([value, label]) => ({ value, label })),
  ];
  const used = Object.values(mapping).filter((field): field is string => Boolean(field));
  const duplicates = [...new Set(used.filter((field, i) => used.indexOf(field) !== i))];
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={6} withRowBorders aria-label={t('intake.import.mappingTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('intake.import.column')}</Table.Th>
              <Table.Th w="35%">{t('intake.import.example')}</Table.Th>
              <Table.Th>{t('intake.import.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.headers.map((header, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional (a header may repeat)
              <Table.Tr key={`${i}:${header}`}>
                <Table.Th scope="row" fw={700}>
                  {header}
                </Table.Th>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
                    {preview.sample[0]?.[i] ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('intake.import.targetLabel', { column: header })}
                    data={options}
                    value={mapping[header] ?? ''}
                    disabled={disabled}
                    onChange={(event) => onChange({ ...mapping, [header]: event.currentTarget.value || null })}
                    error={mapping[header] && duplicates.includes(mapping[header]) ? true : undefined}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {duplicates.map((field) => (
        <Text key={field} size="sm" c="red.8" role="alert">
          {t('intake.import.duplicate', { field: preview.fields[field] ?? field })}
        </Text>
      ))}
    </>
  );
}
