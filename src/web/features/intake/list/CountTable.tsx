import { Anchor, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface CountRow {
  key: string;
  label: string;
  n: number;
}

interface CountTableProps {
  title: string;
  rows: readonly CountRow[];
  /** Narrow the list to this row (the name is a button). */
  onPick: (key: string) => void;
}

/** One breakdown of the counts panel: name and count, largest first, at most 10 rows. */
export function CountTable({ title, rows, onPick }: CountTableProps) {
  const { t } = useTranslation();
  const shown = rows.slice(0, 10);
  return (
    <div>
      <Title order={4} size="h5" mb={4}>
        {title}
      </Title>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('intake.stats.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} withRowBorders aria-label={title}>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>
                  <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onPick(row.key)}>
                    {row.label}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right" w={80} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('intake.stats.count', { n: row.n.toLocaleString('ja-JP') })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {rows.length > shown.length && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('intake.stats.more', { count: rows.length - shown.length })}
        </Text>
      )}
    </div>
  );
}
