import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../../contracts/auth.contracts.js';
import type { User } from '../../../../contracts/org.contracts.js';
import { isRetryable } from '../../../api/errors.js';
import { useSession } from '../../../api/session.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { OneTimeSecretModal } from '../../../components/OneTimeSecretModal.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { hasPermission } from '../../../lib/permissions.js';
import { unitsQueryOptions } from '../units/api.js';
import {
  resetMfa,
  resetPassword,
  type TemporaryPassword,
  type UserFilters,
  unlockUser,
  updateUser,
  usersKey,
  usersQueryOptions,
} from './api.js';
import { PartnerTokenModal } from './PartnerTokenModal.js';
import type { UserAction } from './UserActionsMenu.js';
import { UserFormModal } from './UserFormModal.js';
import { UsersFilters } from './UsersFilters.js';
import { UsersTable } from './UsersTable.js';

/** Actions that run at once (nothing is lost) and those that ask first. */
type DirectAction = 'unlock' | 'enable';
type ConfirmedAction = 'resetPassword' | 'mfaReset' | 'disable';

type Dialog =
  | { kind: 'form'; user: User | null }
  | { kind: 'confirm'; action: ConfirmedAction; user: User }
  | { kind: 'token'; user: User }
  | { kind: 'password'; result: TemporaryPassword }
  | { kind: 'issuedToken'; user: User; token: string; apiToken: ApiToken }
  | null;

function runAction(action: DirectAction | ConfirmedAction, user: User): Promise<unknown> {
  switch (action) {
    case 'resetPassword':
      return resetPassword(user.id);
    case 'unlock':
      return unlockUser(user.id);
    case 'mfaReset':
      return resetMfa(user.id);
    case 'disable':
      return updateUser({ id: user.id, body: { disabled: true } });
    case 'enable':
      return updateUser({ id: user.id, body: { disabled: false } });
  }
}

/** 職員: accounts with filters; managing them needs org.users.manage. */
export function UsersPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();
  const canManage = hasPermission(session?.user, 'org.users.manage');
  const canReadUnits = hasPermission(session?.user, 'org.units.read');
  const [filters, setFilters] = useState<UserFilters>({});
  const [q] = useDebouncedValue(filters.q?.trim() ?? '', 300);
  const users = useQuery(usersQueryOptions({ unitId: filters.unitId, role: filters.role, q }));
  const units = useQuery({ ...unitsQueryOptions, enabled: canReadUnits });
  const [dialog, setDialog] = useState<Dialog>(null);

  const action = useMutation({
    mutationFn: ({ action, user }: { action: DirectAction | ConfirmedAction; user: User }) => runAction(action, user),
    onSuccess: (result, { action }) => {
      if (action === 'resetPassword') setDialog({ kind: 'password', result: result as TemporaryPassword });
      else setDialog(null);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });

  const onAction = (selected: UserAction, user: User) => {
    action.reset();
    switch (selected) {
      case 'edit':
        setDialog({ kind: 'form', user });
        break;
      case 'issueToken':
        setDialog({ kind: 'token', user });
        break;
      case 'unlock':
      case 'enable':
        action.mutate({ action: selected, user });
        break;
      default:
        setDialog({ kind: 'confirm', action: selected, user });
    }
  };

  const confirm = dialog?.kind === 'confirm' ? dialog : null;
  const names = confirm ? { name: confirm.user.displayName, loginId: confirm.user.loginId } : { name: '', loginId: '' };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('admin.users.heading')}
        </Title>
        {canManage && <Button onClick={() => setDialog({ kind: 'form', user: null })}>{t('admin.users.create')}</Button>}
      </Group>
      <UsersFilters value={filters} onChange={setFilters} units={canReadUnits ? units.data : undefined} />
      {action.isError && !confirm && <ErrorAlert error={action.error} title={t('admin.users.actionFailed')} />}
      {users.isPending && <PageLoader />}
      {users.isError && <ErrorAlert error={users.error} onRetry={isRetryable(users.error) ? () => void users.refetch() : undefined} />}
      {users.isSuccess && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('admin.users.total', { count: users.data.length })}
          </Text>
          {users.data.length === 0 ? (
            <Text>{t('admin.users.empty')}</Text>
          ) : (
            <UsersTable users={users.data} onAction={canManage ? onAction : undefined} selfId={session?.user.id ?? ''} />
          )}
        </>
      )}

      {dialog?.kind === 'form' && (
        <UserFormModal
          user={dialog.user}
          units={units.data}
          onClose={() => setDialog(null)}
          onCreated={(result) => setDialog({ kind: 'password', result })}
        />
      )}
      {dialog?.kind === 'token' && (
        <PartnerTokenModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onIssued={(result) => setDialog({ kind: 'issuedToken', user: dialog.user, ...result })}
        />
      )}
      <ConfirmModal
        opened={confirm !== null}
        title={confirm ? t(`admin.users.confirm.${confirm.action}.title`) : ''}
        confirmLabel={confirm ? t(`admin.users.actions.${confirm.action}`) : ''}
        onConfirm={() => confirm && action.mutate({ action: confirm.action, user: confirm.user })}
        onCancel={() => {
          setDialog(null);
          action.reset();
        }}
        loading={action.isPending}
        error={confirm ? (action.error ?? undefined) : undefined}
        errorTitle={t('admin.users.actionFailed')}
        danger={confirm?.action !== 'resetPassword'}
      >
        {confirm ? t(`admin.users.confirm.${confirm.action}.body`, names) : ''}
      </ConfirmModal>
      <OneTimeSecretModal
        opened={dialog?.kind === 'password'}
        title={t('admin.users.temporaryPassword.title')}
        label={t('admin.users.temporaryPassword.label')}
        values={dialog?.kind === 'password' ? [dialog.result.temporaryPassword] : []}
        warning={t('admin.users.temporaryPassword.warning')}
        acknowledgement={t('admin.users.temporaryPassword.ack')}
        onDone={() => setDialog(null)}
      >
        {dialog?.kind === 'password' && (
          <Text size="sm">
            {t('admin.users.temporaryPassword.body', { name: dialog.result.user.displayName, loginId: dialog.result.user.loginId })}
          </Text>
        )}
      </OneTimeSecretModal>
      <OneTimeSecretModal
        opened={dialog?.kind === 'issuedToken'}
        title={t('account.tokens.issuedTitle')}
        label={dialog?.kind === 'issuedToken' ? t('account.tokens.tokenLabel', { name: dialog.apiToken.name }) : ''}
        values={dialog?.kind === 'issuedToken' ? [dialog.token] : []}
        warning={t('admin.users.token.warning')}
        acknowledgement={t('account.tokens.issuedAck')}
        onDone={() => setDialog(null)}
      >
        {dialog?.kind === 'issuedToken' && (
          <Text size="sm">{t('admin.users.token.issuedFor', { name: dialog.user.displayName, loginId: dialog.user.loginId })}</Text>
        )}
      </OneTimeSecretModal>
    </Stack>
  );
}
