import { Badge, type MantineColor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AuditEvent, auditActionLabels } from '../../../../contracts/audit.contracts.js';
import { roleLabels, roleSchema } from '../../../../contracts/roles.contracts.js';
import { TruncatedText } from '../../../components/TruncatedText.js';
import { useLocalized } from '../../../i18n/index.js';
import { formatJst } from '../../../lib/datetime.js';

const outcomeColor: Record<AuditEvent['outcome'], MantineColor> = { success: 'green', failure: 'orange', denied: 'red' };

interface AuditTableProps {
  events: readonly AuditEvent[];
  /** Unit id → name, when units can be read; ids are shown otherwise. */
  unitName: (id: string) => string | undefined;
}

export function AuditTable({ events, unitName }: AuditTableProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const roleName = (role: string | null) => {
    const parsed = roleSchema.safeParse(role);
    return parsed.success ? localized(roleLabels[parsed.data]) : role;
  };
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped withTableBorder verticalSpacing="xs" fz="sm">
        <Table.Caption>{t('common.jstNote')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              {t('admin.audit.columns.occurredAt')} / {t('admin.audit.columns.requestId')}
            </Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.target')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.outcome')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const label = auditActionLabels[event.action];
            return (
              <Table.Tr key={event.id}>
                <Table.Td>
                  {/* The request id under the time: it ties the event to the server's log lines, and a
                      column of its own pushed the table past a 1280 px screen. */}
                  <Stack gap={0}>
                    <time dateTime={event.occurredAt} style={{ whiteSpace: 'nowrap' }}>
                      {formatJst(event.occurredAt)}
                    </time>
                    {event.requestId && (
                      <TruncatedText size="xs" ff="monospace" c="dimmed" maw={120}>
                        {event.requestId}
                      </TruncatedText>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {event.actorUserId || event.actorLoginId ? (
                    <Stack gap={0}>
                      <Text size="sm" ff="monospace">
                        {event.actorLoginId ?? event.actorUserId}
                      </Text>
                      {event.actorRole && (
                        <Text size="xs" c="dimmed">
                          {roleName(event.actorRole)}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('admin.audit.system')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{event.actorUnitId ? (unitName(event.actorUnitId) ?? event.actorUnitId) : '—'}</Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {label && <Text size="sm">{localized(label)}</Text>}
                    <TruncatedText size="xs" ff="monospace" c={label ? 'dimmed' : undefined} maw={150}>
                      {event.action}
                    </TruncatedText>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {event.targetType || event.targetId ? (
                    <Stack gap={0}>
                      {event.targetType && (
                        <Text size="xs" c="dimmed" ff="monospace">
                          {event.targetType}
                        </Text>
                      )}
                      {event.targetId && (
                        <TruncatedText size="sm" ff="monospace" maw={130}>
                          {event.targetId}
                        </TruncatedText>
                      )}
                    </Stack>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={outcomeColor[event.outcome]} variant="light">
                    {t(`admin.audit.outcome.${event.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {event.reason ? (
                    <TruncatedText size="sm" maw={180} lines={2}>
                      {event.reason}
                    </TruncatedText>
                  ) : (
                    '—'
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
