import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cluster } from './api.js';
import { recordKey } from './clusterLayout.js';
import { IndicatorAnchor } from './IndicatorAnchor.js';
import { useRecordTypeLabel } from './labels.js';
import { RecordLink } from './RecordLink.js';
import { useIndicatorLabel } from './useIndicatorLabel.js';

interface ClusterTableProps {
  cluster: Cluster;
  current: { id: number; type: string; value: string; attributes?: Record<string, string> | undefined };
  unitLabel: (unitId: string | null) => string;
}

/** The diagram's content as a table: each record, its unit and the indicators it shares. */
export function ClusterTable({ cluster, current, unitLabel }: ClusterTableProps) {
  const { t } = useTranslation();
  const recordTypeLabel = useRecordTypeLabel();
  const indicatorLabel = useIndicatorLabel(cluster, current);
  const linksByRecord = new Map<string, number[]>();
  for (const link of cluster.links) {
    const key = recordKey(link);
    const ids = linksByRecord.get(key) ?? [];
    if (!ids.includes(link.indicatorId)) ids.push(link.indicatorId);
    linksByRecord.set(key, ids);
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('indicators.cluster.columns.record')}</Table.Th>
            <Table.Th scope="col">{t('indicators.cluster.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('indicators.cluster.columns.indicators')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cluster.records.map((record) => {
            const key = recordKey(record);
            const ids = linksByRecord.get(key) ?? [];
            return (
              <Table.Tr key={key}>
                <Table.Th scope="row" fw={400}>
                  {recordTypeLabel(record.recordType)}{' '}
                  {record.label ? (
                    <RecordLink label={record.label} />
                  ) : (
                    <Text span size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {record.recordId}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{unitLabel(record.unitId)}</Table.Td>
                <Table.Td>
                  {ids.length === 0 ? (
                    '—'
                  ) : (
                    <Group gap="xs">
                      {ids.map((id) => (
                        <IndicatorAnchor key={id} indicatorId={id} size="sm">
                          {indicatorLabel(id)}
                        </IndicatorAnchor>
                      ))}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
