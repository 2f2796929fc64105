import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowError } from './api.js';
import { fieldLabel } from './rowErrors.js';

interface RowErrorsTableProps {
  errors: readonly RowError[];
  /** Field id → label, from the preview. */
  fields: Record<string, string>;
}

/** 行 / 項目 / 内容 of each problem found; rows are numbered as a spreadsheet shows them (header = 1). */
export function RowErrorsTable({ errors, fields }: RowErrorsTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={480} maxHeight={420}>
      <Table bg="white" striped withTableBorder verticalSpacing={4} fz="sm" aria-label={t('intake.import.errorsLabel')} stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('intake.import.row')}</Table.Th>
            <Table.Th w={160}>{t('intake.import.field')}</Table.Th>
            <Table.Th>{t('intake.import.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((error) => (
            <Table.Tr key={`${error.row}:${error.field}:${error.message}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{error.row > 0 ? t('intake.import.rowNo', { n: error.row }) : '—'}</Table.Td>
              <Table.Td>{fieldLabel(error.field, fields)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{error.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
