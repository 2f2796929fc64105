import { Anchor, Badge, Group, type MantineColor, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type RequestStatus, type RequestSummary, requestKind, requestStatus } from '../../../contracts/requests.contracts.js';
import { useLocalized } from '../../i18n/index.js';
import { formatJst } from '../../lib/datetime.js';

const statusColor: Record<RequestStatus, MantineColor> = {
  requested: 'blue',
  accepted: 'cyan',
  declined: 'gray',
  inProgress: 'orange',
  answered: 'green',
  completed: 'dark',
  withdrawn: 'gray',
};

/** 依頼 / 受理 / 対応中 / 回答 / 完了 / 辞退 / 取下げ (the text says it; colour only helps). */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const localized = useLocalized();
  return (
    <Badge color={statusColor[status]} variant="light" tt="none" radius="sm" style={{ flexShrink: 0, overflow: 'visible' }}>
      {localized(requestStatus.labels[status])}
    </Badge>
  );
}

/** The deadline now running, in JST, with 期限超過 when it has passed. */
export function RequestDue({ request }: { request: Pick<RequestSummary, 'dueAt' | 'overdue'> }) {
  const { t } = useTranslation();
  if (!request.dueAt) return <Text size="sm">—</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm">{formatJst(request.dueAt)}</Text>
      {request.overdue && (
        <Badge color="red" variant="light" size="sm">
          {t('cases.tasks.overdue')}
        </Badge>
      )}
    </Group>
  );
}

/** Requests as a table: number (opens it), kind, 件名, from → to, status, deadline. */
export function RequestTable({ requests, label }: { requests: RequestSummary[]; label: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cases.requests.fields.requestNo')}</Table.Th>
            <Table.Th>{t('cases.requests.fields.kind')}</Table.Th>
            <Table.Th>{t('cases.requests.fields.title')}</Table.Th>
            <Table.Th>{t('cases.requests.fields.route')}</Table.Th>
            <Table.Th>{t('cases.requests.fields.status')}</Table.Th>
            <Table.Th>{t('cases.requests.fields.dueAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor renderRoot={(props) => <Link to="/cases/requests/$id" params={{ id: r.id }} {...props} />} size="sm">
                  {r.requestNo}
                </Anchor>
              </Table.Td>
              <Table.Td>{localized(requestKind.labels[r.kind])}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.title}</Table.Td>
              <Table.Td>
                <Text size="sm">{t('cases.requests.route', { from: r.fromUnitName, to: r.toUnitName })}</Text>
              </Table.Td>
              <Table.Td>
                <RequestStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <RequestDue request={r} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
