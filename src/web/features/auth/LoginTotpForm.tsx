import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../contracts/auth.contracts.js';
import { isApiError } from '../../api/errors.js';
import { useErrorText } from '../../api/useErrorText.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { loginTotp } from './api.js';

interface LoginTotpFormProps {
  challenge: string;
  onDone: (session: SessionInfo) => Promise<void>;
  /** Back to the first step, optionally with the reason to show there. */
  onRestart: (notice?: unknown) => void;
}

type Mode = 'totp' | 'recovery';

const TOTP_CODE = /^\d{6}$/;
/** Recovery codes look like xxxx-xxxx-xxxx; the server decides, this only catches typos early. */
const RECOVERY_CODE = /^[A-Za-z0-9-]{6,20}$/;

export function LoginTotpForm({ challenge, onDone, onRestart }: LoginTotpFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [mode, setMode] = useState<Mode>('totp');
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState(false);

  const mutation = useMutation({
    mutationFn: loginTotp,
    meta: { success: false },
    onSuccess: onDone,
    onError: (error) => {
      // The challenge lives a few minutes (or the login took a step it should not): start again from the password.
      if (isApiError(error) && (error.code === 'auth.challenge_expired' || error.code === 'client.loginStep')) onRestart(error);
    },
  });

  const wrongCode = isApiError(mutation.error) && mutation.error.code === 'auth.totp_invalid';

  const switchMode = () => {
    setMode(mode === 'totp' ? 'recovery' : 'totp');
    setCode('');
    setFormatError(false);
    mutation.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = mode === 'totp' ? code.replace(/\s+/g, '') : code.trim();
    if (!(mode === 'totp' ? TOTP_CODE : RECOVERY_CODE).test(value)) {
      setFormatError(true);
      return;
    }
    setFormatError(false);
    mutation.mutate({ challenge, code: value });
  };

  const fieldError = formatError
    ? t(mode === 'totp' ? 'auth.totpFormat' : 'auth.recoveryFormat')
    : wrongCode
      ? errorText(mutation.error)
      : undefined;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('auth.totpTitle')}
        </Title>
        <Text size="sm" id="renkei-totp-intro">
          {t(mode === 'totp' ? 'auth.totpIntro' : 'auth.recoveryIntro')}
        </Text>
      </Stack>
      {mutation.isError && !wrongCode && <ErrorAlert error={mutation.error} title={t('auth.loginFailed')} />}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            key={mode}
            label={t(mode === 'totp' ? 'auth.totpCode' : 'auth.recoveryCode')}
            name="code"
            autoComplete="one-time-code"
            inputMode={mode === 'totp' ? 'numeric' : 'text'}
            autoCapitalize="off"
            spellCheck={false}
            maxLength={mode === 'totp' ? 6 : 20}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldError}
            aria-describedby="renkei-totp-intro"
            ff="monospace"
            autoFocus
          />
          <Button type="submit" fullWidth size="md" loading={mutation.isPending}>
            {t('auth.verify')}
          </Button>
        </Stack>
      </form>
      <Stack gap="xs" align="flex-start">
        <Anchor component="button" type="button" size="sm" onClick={switchMode}>
          {t(mode === 'totp' ? 'auth.useRecovery' : 'auth.useTotp')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={() => onRestart()}>
          {t('auth.backToLogin')}
        </Anchor>
      </Stack>
    </Stack>
  );
}
