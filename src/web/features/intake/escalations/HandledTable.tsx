import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EscalationView } from '../../../../contracts/intake.contracts.js';
import { formatJst } from '../../../lib/datetime.js';
import { RecordAnchor } from '../RecordAnchor.js';
import { RaisedBy } from './QueueTable.js';

/** 処理済: reports answered with guidance, each with its history (reported, acknowledged, guided). */
export function HandledTable({ items }: { items: readonly EscalationView[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" aria-label={t('intake.queueTabs.handledTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('intake.queue.record')}</Table.Th>
            <Table.Th w={200}>{t('intake.queueTabs.raised')}</Table.Th>
            <Table.Th w={200}>{t('intake.queueTabs.acknowledged')}</Table.Th>
            <Table.Th>{t('intake.queueTabs.guidance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
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
