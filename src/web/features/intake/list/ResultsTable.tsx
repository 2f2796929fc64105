import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { intakeCategory } from '../../../../contracts/intake.contracts.js';
import { formatJst } from '../../../lib/datetime.js';
import type { ListItem } from '../api.js';
import { EscalationBadge } from '../EscalationBadge.js';
import { formatYen, useEnumLabel, useModusLabel } from '../labels.js';
import { RecordAnchor } from '../RecordAnchor.js';
import { StatusBadge } from '../StatusBadge.js';
import { MarkedText, termMarks } from './MarkedText.js';
import { Snippet } from './Snippet.js';

/** One row per record; with a keyword, its words marked in the 件名 and the matching passage under it. */
export function ResultsTable({ items, q }: { items: readonly ListItem[]; q: string | undefined }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const modusLabel = useModusLabel();
  return (
    <Table.ScrollContainer minWidth={1060}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('intake.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={108}>{t('intake.fields.refNo')}</Table.Th>
            <Table.Th w={96}>{t('intake.fields.receivedAt')}</Table.Th>
            <Table.Th w={104}>{t('intake.fields.unit')}</Table.Th>
            <Table.Th w={108}>{t('intake.fields.category')}</Table.Th>
            <Table.Th w={108}>{t('intake.fields.modus')}</Table.Th>
            <Table.Th miw={160}>{t('intake.fields.summary')}</Table.Th>
            <Table.Th w={84} miw={84}>
              {t('intake.fields.status')}
            </Table.Th>
            <Table.Th w={136} miw={136}>
              {t('intake.fields.escalation')}
            </Table.Th>
            <Table.Th w={100} ta="right">
              {t('intake.fields.damageAmount')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <RecordAnchor recordId={item.id} ff="monospace" fw={700} size="sm">
                  {item.refNo}
                </RecordAnchor>
              </Table.Td>
              <Table.Td>
                {/* Date over time: the column stays narrow and both halves stay readable. */}
                <Text size="xs" style={{ whiteSpace: 'pre-line', fontVariantNumeric: 'tabular-nums' }}>
                  {formatJst(item.receivedAt).replace(' ', '\n')}
                </Text>
              </Table.Td>
              <Table.Td fz="xs">{item.owningUnitName}</Table.Td>
              <Table.Td fz="xs">{label(intakeCategory, item.category)}</Table.Td>
              <Table.Td fz="xs">{modusLabel(item.modus)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  <MarkedText text={item.summary} marks={termMarks(item.summary, q)} />
                </Text>
                {item.snippet && <Snippet text={item.snippet.text} marks={item.snippet.marks} />}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={item.status} size="md" />
              </Table.Td>
              <Table.Td>
                <EscalationBadge state={item.escalation} size="md" />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatYen(item.damageAmount)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
