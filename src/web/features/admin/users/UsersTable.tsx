import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/org.contracts.js';
import { roleLabels } from '../../../../contracts/roles.contracts.js';
import { type Column, DataTable } from '../../../components/DataTable.js';
import { useLocalized, useUnitName } from '../../../i18n/index.js';
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
  const unitName = useUnitName();
  const columns: Column<User>[] = [
    {
      key: 'loginId',
      header: t('admin.users.columns.loginId'),
      sortValue: (u) => u.loginId,
      cell: (u) => (
        <Text size="sm" ff="monospace">
          {u.loginId}
        </Text>
      ),
    },
    {
      key: 'displayName',
      header: t('admin.users.columns.displayName'),
      sortValue: (u) => u.displayName,
      cell: (u) => (
        <Text size="sm" fw={500}>
          {u.displayName}
        </Text>
      ),
    },
    {
      key: 'unit',
      header: t('admin.users.columns.unit'),
      sortValue: (u) => unitName({ name: u.unitName, nameEn: u.unitNameEn }),
      cell: (u) => unitName({ name: u.unitName, nameEn: u.unitNameEn }),
    },
    {
      key: 'role',
      header: t('admin.users.columns.role'),
      sortValue: (u) => localized(roleLabels[u.role]),
      cell: (u) => localized(roleLabels[u.role]),
    },
    { key: 'status', header: t('admin.users.columns.status'), cell: (u) => <UserStatusBadge user={u} /> },
    { key: 'mfa', header: t('admin.users.columns.mfa'), cell: (u) => <UserMfaBadge user={u} /> },
    ...(onAction
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (u: User) => <UserActionsMenu user={u} isSelf={u.id === selfId} onAction={onAction} />,
          },
        ]
      : []),
  ];
  return <DataTable rows={users} columns={columns} rowKey={(u) => u.id} empty={t('common.noRows')} minWidth={900} sortInUrl />;
}
