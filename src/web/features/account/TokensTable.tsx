import { Badge, Button, Group, type MantineColor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../contracts/auth.contracts.js';
import { formatJst, isPast } from '../../lib/datetime.js';
import { usePermissionLabel } from '../../lib/permissions.js';

type TokenState = 'active' | 'expired' | 'revoked';
const stateColor: Record<TokenState, MantineColor> = { active: 'green', expired: 'gray', revoked: 'red' };

export function tokenState(token: ApiToken): TokenState {
  if (token.revokedAt) return 'revoked';
  return isPast(token.expiresAt) ? 'expired' : 'active';
}

interface TokensTableProps {
  tokens: readonly ApiToken[];
  onRevoke: (token: ApiToken) => void;
}

export function TokensTable({ tokens, onRevoke }: TokensTableProps) {
  const { t } = useTranslation();
  const permissionLabel = usePermissionLabel();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped withTableBorder verticalSpacing="sm">
        <Table.Caption>{t('common.jstNote')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('account.tokens.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('account.tokens.columns.scopes')}</Table.Th>
            <Table.Th scope="col">{t('account.tokens.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('account.tokens.columns.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('account.tokens.columns.expiresAt')}</Table.Th>
            <Table.Th scope="col">{t('account.tokens.columns.lastUsedAt')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => {
            const state = tokenState(token);
            return (
              <Table.Tr key={token.id}>
                <Table.Td fw={700}>{token.name}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {token.scopes.map((scope) => (
                      <Badge key={scope} variant="outline" color="gray.7" size="sm" title={scope} tt="none">
                        {permissionLabel(scope)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={stateColor[state]} variant="light">
                    {t(`account.tokens.status.${state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={token.createdAt}>{formatJst(token.createdAt)}</time>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={token.expiresAt}>{formatJst(token.expiresAt)}</time>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {token.lastUsedAt ? (
                    <time dateTime={token.lastUsedAt}>{formatJst(token.lastUsedAt)}</time>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('account.tokens.neverUsed')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {state === 'active' && (
                    <Button
                      size="xs"
                      variant="outline"
                      color="red"
                      onClick={() => onRevoke(token)}
                      aria-label={t('account.tokens.revokeLabel', { name: token.name })}
                    >
                      {t('account.tokens.revoke')}
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
