import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useLocation } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationView } from '../../../../contracts/intake.contracts.js';
import { SortableTh } from '../../../components/SortableTh.js';
import { type SortValue, sortRows } from '../../../components/sortRows.js';
import { useUnitName } from '../../../i18n/index.js';
import { formatJst, minutesUntil } from '../../../lib/datetime.js';
import { highlightStyle } from '../../../lib/useHashTarget.js';
import { useUrlSort } from '../../../lib/useUrlSort.js';
import { EscalationBadge } from '../EscalationBadge.js';
import { useRuleLabel } from '../labels.js';
import { RecordAnchor } from '../RecordAnchor.js';

interface QueueTableProps {
  items: readonly EscalationView[];
  onAcknowledge: (item: EscalationView) => void;
  onGuidance: (item: EscalationView) => void;
  /** The report being acknowledged right now. */
  busyId: string | null;
}

/** Who reported it, and when. */
export function RaisedBy({ item }: { item: EscalationView }) {
  const unitName = useUnitName();
  return (
    <>
      <Text size="sm">{unitName({ name: item.fromUnitName, nameEn: item.fromUnitNameEn })}</Text>
      <Text size="xs" c="dimmed">
        {formatJst(item.raisedAt)}
      </Text>
    </>
  );
}

/** What the sortable columns of the 報告受信 tables order by (the queue is read whole: sorted here). */
export const escalationSortValues: Record<string, (item: EscalationView) => SortValue> = {
  refNo: (item) => item.refNo,
  raisedAt: (item) => item.raisedAt,
  dueAt: (item) => item.dueAt,
  guidanceAt: (item) => item.guidanceAt,
};

/** Open reports: 速報 first, then by deadline (the server's order, until a header is clicked); overdue rows in red. */
export function QueueTable({ items, onAcknowledge, onGuidance, busyId }: QueueTableProps) {
  const { t } = useTranslation();
  const [sort, setSort] = useUrlSort(['refNo', 'raisedAt', 'dueAt']);
  const rows = useMemo(() => sortRows(items, sort, (key) => escalationSortValues[key]), [items, sort]);
  const th = (key: string) => ({ sortKey: key, sort, onSort: setSort });
  const ruleLabel = useRuleLabel();
  // Opened from ホーム at one report (`#esc-<id>`): that row scrolls into view, highlighted.
  const target = useLocation({ select: (location) => location.hash.replace(/^#/, '') });
  const scrollTo = useCallback((row: HTMLTableRowElement | null) => row?.scrollIntoView?.({ block: 'center' }), []);
  /** 45分 / 3時間5分 / 2日4時間: long overdue spans stay readable. */
  const span = (minutes: number) => {
    if (minutes < 60) return t('intake.queue.minutes', { m: minutes });
    if (minutes < 1440) return t('intake.queue.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
    return t('intake.queue.days', { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60) });
  };
  const remaining = (iso: string) => {
    const minutes = minutesUntil(iso);
    if (minutes === null) return '';
    return minutes >= 0 ? t('intake.queue.left', { time: span(minutes) }) : t('intake.queue.late', { time: span(-minutes) });
  };
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="sm" aria-label={t('intake.queue.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{t('intake.queue.state')}</Table.Th>
            <SortableTh {...th('refNo')}>{t('intake.queue.record')}</SortableTh>
            <SortableTh w={170} {...th('raisedAt')}>
              {t('intake.queue.from')}
            </SortableTh>
            <SortableTh w={190} {...th('dueAt')}>
              {t('intake.queue.due')}
            </SortableTh>
            <Table.Th w={230}>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((item) => {
            const overdue = item.state === 'overdue';
            const waiting = item.state === 'pending' || overdue;
            return (
              <Table.Tr
                key={item.id}
                ref={target === `esc-${item.id}` ? scrollTo : undefined}
                data-highlighted={target === `esc-${item.id}` || undefined}
                bg={overdue ? 'red.0' : undefined}
                style={{
                  ...(overdue ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-7)' } : {}),
                  ...(target === `esc-${item.id}` ? highlightStyle : {}),
                }}
              >
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <EscalationBadge state={item.state} />
                    {item.urgent && (
                      <Badge color="red" variant="filled" tt="none" radius="sm">
                        {t('intake.common.urgent')}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <RecordAnchor recordId={item.consultationId} ff="monospace" fw={700} id={`esc-${item.id}`}>
                    {item.refNo}
                  </RecordAnchor>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {item.summary}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.manual
                      ? t('intake.escalation.reason', { reason: item.reason ?? '—' })
                      : t('intake.escalation.rules', { rules: item.rules.map(ruleLabel).join(t('common.listSeparator')) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RaisedBy item={item} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={overdue ? 700 : undefined} c={overdue ? 'red.8' : undefined}>
                    {formatJst(item.dueAt)}
                  </Text>
                  {waiting && (
                    <Text size="xs" c={overdue ? 'red.8' : 'dimmed'}>
                      {remaining(item.dueAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {waiting && (
                      <Button
                        size="xs"
                        onClick={() => onAcknowledge(item)}
                        loading={busyId === item.id}
                        aria-describedby={`esc-${item.id}`}
                      >
                        {t('intake.queue.acknowledge')}
                      </Button>
                    )}
                    <Button size="xs" variant="outline" onClick={() => onGuidance(item)} aria-describedby={`esc-${item.id}`}>
                      {t('intake.queue.giveGuidance')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
