import { Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../contracts/auth.contracts.js';
import { isRetryable } from '../../api/errors.js';
import { useSession } from '../../api/session.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NoPermission } from '../../components/NoPermission.js';
import { OneTimeSecretModal } from '../../components/OneTimeSecretModal.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { hasPermission } from '../../lib/permissions.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { accountKeys, createToken, revokeToken, tokensQueryOptions } from './api.js';
import { TokenIssueForm } from './TokenIssueForm.js';
import { TokensTable } from './TokensTable.js';

/** /account/tokens: personal API tokens (auth.tokens.self), scoped to one's own permissions. */
export function TokensPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('account.nav.tokens'));
  if (!hasPermission(session?.user, 'auth.tokens.self')) return <NoPermission />;
  return <TokensContent ownPermissions={session?.user.permissions ?? []} mfaEnabled={session?.user.mfaEnabled ?? false} />;
}

function TokensContent({ ownPermissions, mfaEnabled }: { ownPermissions: readonly string[]; mfaEnabled: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tokens = useQuery(tokensQueryOptions);
  const [formKey, setFormKey] = useState(0);
  const [issued, setIssued] = useState<{ token: string; apiToken: ApiToken } | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);
  // The server mints one's own token only after re-authentication.
  const [currentPassword, setCurrentPassword] = useState('');
  const [currentCode, setCurrentCode] = useState('');
  const invalidate = () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens });

  const create = useMutation({
    mutationFn: createToken,
    onSuccess: (result) => {
      setIssued(result);
      setFormKey((key) => key + 1); // fresh, empty form behind the modal
      setCurrentPassword('');
      setCurrentCode('');
    },
    onSettled: invalidate,
  });
  const revoke = useMutation({
    mutationFn: revokeToken,
    onSuccess: () => setToRevoke(null),
    onSettled: invalidate,
  });

  return (
    <Stack gap="lg">
      <PageHeading title={t('account.nav.tokens')} />
      <Text size="sm">{t('account.tokens.intro')}</Text>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Title order={3} size="h5">
            {t('account.tokens.createHeading')}
          </Title>
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            maw={480}
          />
          {mfaEnabled && (
            <TextInput
              label={t('auth.totpCode')}
              autoComplete="one-time-code"
              required
              ff="monospace"
              value={currentCode}
              onChange={(e) => setCurrentCode(e.currentTarget.value)}
              maw={320}
            />
          )}
          <TokenIssueForm
            key={formKey}
            scopeOptions={ownPermissions}
            onSubmit={(body) => create.mutate({ ...body, currentPassword, ...(currentCode.trim() ? { currentCode } : {}) })}
            pending={create.isPending}
            error={create.error}
          />
        </Stack>
      </Paper>
      <Title order={3} size="h5">
        {t('account.tokens.listHeading')}
      </Title>
      {tokens.isPending && <PageLoader />}
      {tokens.isError && <ErrorAlert error={tokens.error} onRetry={isRetryable(tokens.error) ? () => void tokens.refetch() : undefined} />}
      {tokens.isSuccess &&
        (tokens.data.items.length === 0 ? (
          <Text>{t('account.tokens.empty')}</Text>
        ) : (
          <TokensTable tokens={tokens.data.items} onRevoke={setToRevoke} />
        ))}
      <ConfirmModal
        opened={toRevoke !== null}
        title={t('account.tokens.revokeTitle')}
        confirmLabel={t('account.tokens.revoke')}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke.id)}
        onCancel={() => {
          setToRevoke(null);
          revoke.reset();
        }}
        loading={revoke.isPending}
        error={revoke.error ?? undefined}
        errorTitle={t('account.tokens.revokeFailed')}
        danger
      >
        {t('account.tokens.revokeBody', { name: toRevoke?.name ?? '' })}
      </ConfirmModal>
      <OneTimeSecretModal
        opened={issued !== null}
        title={t('account.tokens.issuedTitle')}
        label={t('account.tokens.tokenLabel', { name: issued?.apiToken.name ?? '' })}
        values={issued ? [issued.token] : []}
        warning={t('account.tokens.issuedWarning')}
        acknowledgement={t('account.tokens.issuedAck')}
        onDone={() => setIssued(null)}
      />
    </Stack>
  );
}
