import { Box, Button, Container, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { login } from './api.js';
import { storeSession } from './session.js';

interface LoginPageProps {
  /** Safe same-origin path to open after login; home when absent. */
  redirectTo: string | undefined;
}

export function LoginPage({ redirectTo }: LoginPageProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [showRequired, setShowRequired] = useState(false);
  useDocumentTitle();

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: async (session) => {
      storeSession(queryClient, session);
      setPassword('');
      if (redirectTo) router.history.push(redirectTo);
      else await router.navigate({ to: '/' });
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = loginId.trim();
    if (!id || !password) {
      setShowRequired(true);
      return;
    }
    mutation.mutate({ loginId: id, password });
  };

  const required = (field: string, value: string) => (showRequired && !value ? t('auth.required', { field }) : undefined);

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
            {mutation.isError && <ErrorAlert error={mutation.error} title={t('auth.loginFailed')} />}
            <form onSubmit={onSubmit} noValidate>
              <Stack gap="md">
                <TextInput
                  label={t('auth.loginId')}
                  name="loginId"
                  autoComplete="username"
                  autoCapitalize="off"
                  spellCheck={false}
                  maxLength={64}
                  required
                  value={loginId}
                  onChange={(e) => setLoginId(e.currentTarget.value)}
                  error={required(t('auth.loginId'), loginId.trim())}
                  autoFocus
                />
                <PasswordInput
                  label={t('auth.password')}
                  name="password"
                  autoComplete="current-password"
                  maxLength={256}
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={required(t('auth.password'), password)}
                />
                <Button type="submit" fullWidth size="md" loading={mutation.isPending}>
                  {t('auth.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
