import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/org.contracts.js';
import { roleLabels } from '../../../../contracts/roles.contracts.js';
import { useLocalized } from '../../../i18n/index.js';
import { type UserAction, UserActionsMenu } from './UserActionsMenu.js';
import { UserMfaBadge, UserStatusBadge } from './UserStatusBadges.js';

interface UsersTableProps {
  users: readonly User[];
  /** With org.users.manage only. */
  onAction?: (action: UserAction, user: User) => void;
  selfId: string;
}

export function UsersTable({ users, onAction, selfId }: UsersTableProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.users.columns.loginId')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.displayName')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.mfa')}</Table.Th>
            {onAction && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {user.loginId}
                </Text>
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                {user.displayName}
              </Table.Th>
              <Table.Td>{user.unitName}</Table.Td>
              <Table.Td>{localized(roleLabels[user.role])}</Table.Td>
              <Table.Td>
                <UserStatusBadge user={user} />
              </Table.Td>
              <Table.Td>
                <UserMfaBadge user={user} />
              </Table.Td>
              {onAction && (
                <Table.Td>
                  <UserActionsMenu user={user} isSelf={user.id === selfId} onAction={onAction} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
