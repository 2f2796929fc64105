import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRetryable } from '../../api/errors.js';
import { useAppMutation } from '../../api/mutation.js';
import { storeSession } from '../../api/session.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { accountKeys, logoutEverywhere, revokeSession, sessionsQueryOptions } from './api.js';
import { SessionsTable } from './SessionsTable.js';

/** /account/sessions: where this account is logged in; end one, or all of them. */
export function SessionsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery(sessionsQueryOptions);
  const [confirmAll, setConfirmAll] = useState(false);

  const revoke = useAppMutation({ mutationFn: revokeSession, invalidates: [accountKeys.sessions] });
  const everywhere = useMutation({
    mutationFn: logoutEverywhere,
    onSuccess: async () => {
      storeSession(queryClient, null);
      await navigate({ to: '/login' });
    },
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <PageHeading title={t('account.nav.sessions')} />
        <Button variant="outline" color="red" onClick={() => setConfirmAll(true)}>
          {t('account.sessions.logoutEverywhere')}
        </Button>
      </Group>
      <Text size="sm">{t('account.sessions.intro')}</Text>
      {sessions.isPending && <PageLoader />}
      {sessions.isError && (
        <ErrorAlert error={sessions.error} onRetry={isRetryable(sessions.error) ? () => void sessions.refetch() : undefined} />
      )}
      {revoke.isError && <ErrorAlert error={revoke.error} title={t('account.sessions.revokeFailed')} />}
      {sessions.isSuccess &&
        (sessions.data.items.length === 0 ? (
          <Text>{t('account.sessions.empty')}</Text>
        ) : (
          <SessionsTable
            sessions={sessions.data.items}
            onRevoke={(item) => revoke.mutate(item.id)}
            revokingId={revoke.isPending ? revoke.variables : undefined}
          />
        ))}
      <ConfirmModal
        opened={confirmAll}
        title={t('account.sessions.confirmTitle')}
        confirmLabel={t('account.sessions.logoutEverywhere')}
        onConfirm={() => everywhere.mutate()}
        onCancel={() => {
          setConfirmAll(false);
          everywhere.reset();
        }}
        loading={everywhere.isPending}
        error={everywhere.error ?? undefined}
        errorTitle={t('account.sessions.logoutEverywhereFailed')}
        danger
      >
        {t('account.sessions.confirmBody')}
      </ConfirmModal>
    </Stack>
  );
}
