import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionListItem } from '../../../contracts/auth.contracts.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { formatJst } from '../../lib/datetime.js';
import { describeUserAgent } from '../../lib/userAgent.js';

interface SessionsTableProps {
  sessions: readonly SessionListItem[];
  onRevoke: (session: SessionListItem) => void;
  revokingId: string | undefined;
}

export function SessionsTable({ sessions, onRevoke, revokingId }: SessionsTableProps) {
  const { t } = useTranslation();
  const deviceOf = (s: SessionListItem) => describeUserAgent(s.userAgent) ?? t('account.sessions.unknownDevice');
  const columns: Column<SessionListItem>[] = [
    {
      key: 'device',
      header: t('account.sessions.columns.device'),
      sortValue: deviceOf,
      cell: (session) => (
        <Stack gap={2}>
          <Group gap="xs">
            <Text size="sm" fw={700}>
              {deviceOf(session)}
            </Text>
            {session.current && (
              <Badge color="blue" variant="light">
                {t('account.sessions.thisDevice')}
              </Badge>
            )}
          </Group>
          {session.userAgent && (
            <Text size="xs" c="dimmed" lineClamp={2} title={session.userAgent} style={{ overflowWrap: 'anywhere' }}>
              {session.userAgent}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'ip',
      header: t('account.sessions.columns.ip'),
      sortValue: (s) => s.clientIp,
      cell: (s) => (
        <Text ff="monospace" size="sm">
          {s.clientIp ?? '—'}
        </Text>
      ),
    },
    {
      key: 'createdAt',
      header: t('account.sessions.columns.createdAt'),
      nowrap: true,
      sortValue: (s) => s.createdAt,
      cell: (s) => <time dateTime={s.createdAt}>{formatJst(s.createdAt)}</time>,
    },
    {
      key: 'lastSeenAt',
      header: t('account.sessions.columns.lastSeenAt'),
      nowrap: true,
      sortValue: (s) => s.lastSeenAt,
      cell: (s) => <time dateTime={s.lastSeenAt}>{formatJst(s.lastSeenAt)}</time>,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (session) =>
        !session.current && (
          <Button
            size="xs"
            variant="outline"
            color="red"
            onClick={() => onRevoke(session)}
            loading={revokingId === session.id}
            disabled={revokingId !== undefined && revokingId !== session.id}
            aria-label={t('account.sessions.revokeLabel', { device: deviceOf(session), date: formatJst(session.lastSeenAt) })}
          >
            {t('account.sessions.revoke')}
          </Button>
        ),
    },
  ];
  return (
    <DataTable
      rows={sessions}
      columns={columns}
      rowKey={(s) => s.id}
      empty={t('common.noRows')}
      caption={t('common.jstNote')}
      minWidth={760}
      initialSort={{ key: 'lastSeenAt', order: 'desc' }}
    />
  );
}
