import { Button, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../../contracts/auth.contracts.js';
import type { User } from '../../../../contracts/org.contracts.js';
import { roleGrants } from '../../../../contracts/permissions.contracts.js';
import { TokenIssueForm } from '../../account/index.js';
import { issueUserToken, usersKey } from './api.js';

interface PartnerTokenModalProps {
  user: User;
  onClose: () => void;
  onIssued: (result: { token: string; apiToken: ApiToken }) => void;
}

/**
 * API token for a partner (machine) account. Scopes are limited to what the account's role is
 * granted, the same rule as for one's own tokens.
 */
export function PartnerTokenModal({ user, onClose, onIssued }: PartnerTokenModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: issueUserToken,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      onIssued(result);
    },
  });
  return (
    <Modal
      opened
      onClose={mutation.isPending ? () => undefined : onClose}
      title={t('admin.users.token.title', { name: user.displayName })}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('admin.users.token.intro', { loginId: user.loginId })}</Text>
        <TokenIssueForm
          scopeOptions={roleGrants[user.role]}
          onSubmit={(body) => mutation.mutate({ id: user.id, body })}
          pending={mutation.isPending}
          error={mutation.error}
          secondaryAction={
            <Button variant="outline" onClick={onClose} disabled={mutation.isPending}>
              {t('common.cancel')}
            </Button>
          }
        />
      </Stack>
    </Modal>
  );
}
