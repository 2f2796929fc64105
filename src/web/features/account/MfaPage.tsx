import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionQueryKey, sessionQueryOptions, useSession } from '../../api/session.js';
import { PageHeading } from '../../components/PageHeading.js';
import { forcedPath } from '../auth/index.js';
import { ForcedNotice } from './ForcedNotice.js';
import { RecoveryCodes } from './RecoveryCodes.js';
import { TotpEnrolment } from './TotpEnrolment.js';

/** /account/mfa: enrol an authenticator app; the only page open while mfaEnrolmentRequired is set. */
export function MfaPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const session = useSession();
  /** Shown once after enrolment; kept here so a refreshed session (mfaEnabled) does not hide them. */
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  /** Whether this visit began as a forced enrolment, so 「完了」 leads on to the app. */
  const [wasForced] = useState(() => session?.user.mfaEnrolmentRequired ?? false);
  if (!session) return null;
  const { user } = session;

  const onEnrolled = (codes: string[]) => {
    setRecoveryCodes(codes);
    // Re-read /me now (mfaEnabled, and a possibly rotated session); the page keeps showing the codes.
    void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  };

  const onDone = async () => {
    setRecoveryCodes(null);
    if (!wasForced) return;
    const fresh = await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 }).catch(() => null);
    await navigate({ to: (fresh && forcedPath(fresh.user)) ?? '/' });
  };

  return (
    <Stack gap="lg">
      <Group gap="sm" align="center">
        <PageHeading title={t('account.mfa.heading')} />
        <Badge color={user.mfaEnabled ? 'green' : 'gray'} variant="light">
          {t(user.mfaEnabled ? 'account.mfa.statusEnabled' : 'account.mfa.statusDisabled')}
        </Badge>
      </Group>
      {user.mfaEnrolmentRequired && !recoveryCodes && <ForcedNotice kind="mfa" />}
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDone={onDone} />
      ) : user.mfaEnabled ? (
        <Alert color="green" variant="light">
          <Text size="sm">{t('account.mfa.enabledBody')}</Text>
        </Alert>
      ) : (
        <TotpEnrolment onEnrolled={onEnrolled} />
      )}
    </Stack>
  );
}
