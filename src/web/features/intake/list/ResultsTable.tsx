import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { intakeCategory, type ListSortKey } from '../../../../contracts/intake.contracts.js';
import { SortableTh, type SortState } from '../../../components/SortableTh.js';
import { useUnitName } from '../../../i18n/index.js';
import { formatJst } from '../../../lib/datetime.js';
import { formatYen } from '../../../lib/money.js';
import type { ListItem } from '../api.js';
import { EscalationBadge } from '../EscalationBadge.js';
import { useEnumLabel, useModusLabel } from '../labels.js';
import { RecordAnchor } from '../RecordAnchor.js';
import { StatusBadge } from '../StatusBadge.js';
import { MarkedText, termMarks } from './MarkedText.js';
import { Snippet } from './Snippet.js';

interface ResultsTableProps {
  items: readonly ListItem[];
  q: string | undefined;
  /** The order the server gave the rows in; a header click asks for another (the page is one of many). */
  sort: SortState;
  onSort: (next: SortState) => void;
}

/** One row per record; with a keyword, its words marked in the 件名 and the matching passage under it. */
export function ResultsTable({ items, q, sort, onSort }: ResultsTableProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const modusLabel = useModusLabel();
  const unitName = useUnitName();
  const th = (key: ListSortKey) => ({ sortKey: key, sort, onSort });
  return (
    <Table.ScrollContainer minWidth={1060}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('intake.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <SortableTh w={108} {...th('refNo')}>
              {t('intake.fields.refNo')}
            </SortableTh>
            <SortableTh w={96} {...th('receivedAt')}>
              {t('intake.fields.receivedAt')}
            </SortableTh>
            <Table.Th w={104}>{t('intake.fields.unit')}</Table.Th>
            <SortableTh w={108} {...th('category')}>
              {t('intake.fields.category')}
            </SortableTh>
            <SortableTh w={108} {...th('modus')}>
              {t('intake.fields.modus')}
            </SortableTh>
            <Table.Th miw={160}>{t('intake.fields.summary')}</Table.Th>
            <SortableTh w={84} miw={84} {...th('status')}>
              {t('intake.fields.status')}
            </SortableTh>
            <SortableTh w={136} miw={136} {...th('escalation')}>
              {t('intake.fields.escalation')}
            </SortableTh>
            <SortableTh w={100} ta="right" {...th('damageAmount')}>
              {t('intake.fields.damageAmount')}
            </SortableTh>
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
              <Table.Td fz="xs">{unitName({ name: item.owningUnitName, nameEn: item.owningUnitNameEn })}</Table.Td>
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
