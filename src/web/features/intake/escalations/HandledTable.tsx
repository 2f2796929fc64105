import { Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationView } from '../../../../contracts/intake.contracts.js';
import { SortableTh } from '../../../components/SortableTh.js';
import { sortRows } from '../../../components/sortRows.js';
import { formatJst } from '../../../lib/datetime.js';
import { useUrlSort } from '../../../lib/useUrlSort.js';
import { RecordAnchor } from '../RecordAnchor.js';
import { escalationSortValues, RaisedBy } from './QueueTable.js';

/** 処理済: reports answered with guidance, each with its history (reported, acknowledged, guided). */
export function HandledTable({ items }: { items: readonly EscalationView[] }) {
  const { t } = useTranslation();
  const [sort, setSort] = useUrlSort(['refNo', 'raisedAt', 'guidanceAt']);
  const rows = useMemo(() => sortRows(items, sort, (key) => escalationSortValues[key]), [items, sort]);
  const th = (key: string) => ({ sortKey: key, sort, onSort: setSort });
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" aria-label={t('intake.queueTabs.handledTable')}>
        <Table.Thead>
          <Table.Tr>
            <SortableTh {...th('refNo')}>{t('intake.queue.record')}</SortableTh>
            <SortableTh w={200} {...th('raisedAt')}>
              {t('intake.queueTabs.raised')}
            </SortableTh>
            <Table.Th w={200}>{t('intake.queueTabs.acknowledged')}</Table.Th>
            <SortableTh {...th('guidanceAt')}>{t('intake.queueTabs.guidance')}</SortableTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <RecordAnchor recordId={item.consultationId} ff="monospace" fw={700}>
                  {item.refNo}
                </RecordAnchor>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {item.summary}
                </Text>
              </Table.Td>
              <Table.Td>
                <RaisedBy item={item} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('intake.queueTabs.by', { at: formatJst(item.acknowledgedAt), name: item.acknowledgedByName ?? '—' })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {formatJst(item.guidanceAt)}
                </Text>
                <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {item.guidance}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
