import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../contracts/auth.contracts.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { login } from './api.js';

interface LoginCredentialsFormProps {
  /** Kept by the page so going back from the second step does not lose it. */
  loginId: string;
  onLoginIdChange: (value: string) => void;
  /** Why the person is back at this step (e.g. the second-step challenge expired). */
  notice?: unknown;
  onDone: (session: SessionInfo) => Promise<void>;
  onTotp: (challenge: string) => void;
}

export function LoginCredentialsForm({ loginId, onLoginIdChange, notice, onDone, onTotp }: LoginCredentialsFormProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [showRequired, setShowRequired] = useState(false);

  const mutation = useMutation({
    mutationFn: login,
    meta: { success: false },
    onSuccess: async (response) => {
      setPassword('');
      if (response.next === 'totp') onTotp(response.challenge);
      else await onDone(response);
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
  const shownError = mutation.isError ? mutation.error : mutation.isIdle ? notice : undefined;

  return (
    <Stack gap="lg">
      {shownError !== undefined && <ErrorAlert error={shownError} title={t('auth.loginFailed')} />}
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
            onChange={(e) => onLoginIdChange(e.currentTarget.value)}
            error={required(t('auth.loginId'), loginId.trim())}
            autoFocus={!loginId}
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
            autoFocus={Boolean(loginId)}
          />
          <Button type="submit" fullWidth size="md" loading={mutation.isPending}>
            {t('auth.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
