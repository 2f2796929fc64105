import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionListItem } from '../../../contracts/auth.contracts.js';
import { formatJst } from '../../lib/datetime.js';
import { describeUserAgent } from '../../lib/userAgent.js';

interface SessionsTableProps {
  sessions: readonly SessionListItem[];
  onRevoke: (session: SessionListItem) => void;
  revokingId: string | undefined;
}

export function SessionsTable({ sessions, onRevoke, revokingId }: SessionsTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder verticalSpacing="sm">
        <Table.Caption>{t('common.jstNote')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('account.sessions.columns.device')}</Table.Th>
            <Table.Th scope="col">{t('account.sessions.columns.ip')}</Table.Th>
            <Table.Th scope="col">{t('account.sessions.columns.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('account.sessions.columns.lastSeenAt')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => {
            const device = describeUserAgent(session.userAgent) ?? t('account.sessions.unknownDevice');
            return (
              <Table.Tr key={session.id}>
                <Table.Td>
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Text size="sm" fw={700}>
                        {device}
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
                </Table.Td>
                <Table.Td ff="monospace">{session.clientIp ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={session.createdAt}>{formatJst(session.createdAt)}</time>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={session.lastSeenAt}>{formatJst(session.lastSeenAt)}</time>
                </Table.Td>
                <Table.Td>
                  {!session.current && (
                    <Button
                      size="xs"
                      variant="outline"
                      color="red"
                      onClick={() => onRevoke(session)}
                      loading={revokingId === session.id}
                      disabled={revokingId !== undefined && revokingId !== session.id}
                      aria-label={t('account.sessions.revokeLabel', { device, date: formatJst(session.lastSeenAt) })}
                    >
                      {t('account.sessions.revoke')}
                    </Button>
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
