import { Box, Container, Group, Paper, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../contracts/auth.contracts.js';
import { storeSession } from '../../api/session.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { forcedPath } from './forced.js';
import { LoginCredentialsForm } from './LoginCredentialsForm.js';
import { LoginTotpForm } from './LoginTotpForm.js';

interface LoginPageProps {
  /** Safe same-origin path to open after login; home when absent. */
  redirectTo: string | undefined;
}

type Step = { kind: 'credentials'; notice?: unknown } | { kind: 'totp'; challenge: string };

/** Two steps: login ID and password, then (for accounts with MFA) the authenticator code. */
export function LoginPage({ redirectTo }: LoginPageProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const [loginId, setLoginId] = useState('');
  useDocumentTitle(step.kind === 'totp' ? t('auth.totpTitle') : undefined);

  const finish = async (session: SessionInfo) => {
    storeSession(queryClient, { user: session.user, csrfToken: session.csrfToken });
    // A pending obligation (password change, MFA enrolment) wins over the requested page.
    const forced = forcedPath(session.user);
    if (forced) await router.navigate({ to: forced });
    else if (redirectTo) router.history.push(redirectTo);
    else await router.navigate({ to: '/' });
  };

  return (
    <Box component="main" mih="100vh" bg="gray.0" py="xl">
      <Container size={460}>
        <Group justify="flex-end" mb="lg">
          <LanguageSwitch size="xs" />
        </Group>
        <Paper withBorder shadow="xs" p="xl" radius="lg">
          <Stack gap="lg">
            <Title order={1} size="h3" ta="center">
              {t('app.fullTitle')}
            </Title>
            {step.kind === 'credentials' ? (
              <LoginCredentialsForm
                loginId={loginId}
                onLoginIdChange={setLoginId}
                notice={step.notice}
                onDone={finish}
                onTotp={(challenge) => setStep({ kind: 'totp', challenge })}
              />
            ) : (
              <LoginTotpForm challenge={step.challenge} onDone={finish} onRestart={(notice) => setStep({ kind: 'credentials', notice })} />
            )}
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
