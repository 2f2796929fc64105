import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FactsTable } from '../detail/FactsTable.js';
import type { ImportPreview } from './api.js';

/** How the server decoded the file. */
const encodingNames: Record<string, string> = { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS' };

/** What the server read: the encoding it detected, how many data rows, and the first rows as they are. */
export function PreviewSummary({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <FactsTable
        labelWidth={140}
        facts={[
          { label: t('intake.import.encoding'), value: encodingNames[preview.encoding] ?? preview.encoding },
          { label: t('intake.import.rows'), value: t('intake.import.rowsValue', { n: preview.rows.toLocaleString('ja-JP') }) },
        ]}
      />
      <Title order={4} size="h6">
        {t('intake.import.sampleTitle')}
      </Title>
      <Table.ScrollContainer minWidth={Math.max(600, preview.headers.length * 120)}>
        <Table striped withTableBorder verticalSpacing={4} fz="sm" aria-label={t('intake.import.sampleLabel')}>
          <Table.Thead>
            <Table.Tr>
              {preview.headers.map((header, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional (headers may repeat)
                <Table.Th key={i} style={{ whiteSpace: 'nowrap' }}>
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of a file, in file order, never reordered
              <Table.Tr key={r}>
                {row.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  <Table.Td key={c} style={{ maxWidth: 320, overflowWrap: 'anywhere' }}>
                    <Text size="sm" lineClamp={3}>
                      {cell}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
