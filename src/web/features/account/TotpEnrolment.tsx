import { Button, Code, Group, Image, List, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { totpConfirmSchema } from '../../../contracts/auth.contracts.js';
import { isApiError } from '../../api/errors.js';
import { useErrorText } from '../../api/useErrorText.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { confirmTotp, startTotpSetup } from './api.js';

/** Secret in groups of four, easier to type into an authenticator by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/** Start (QR code and key), then confirm with a first code; answers the recovery codes. */
export function TotpEnrolment({ onEnrolled }: { onEnrolled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const secretId = useId();
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState(false);
  const setup = useMutation({ mutationFn: startTotpSetup, meta: { success: false } });
  const confirm = useMutation({ mutationFn: confirmTotp, onSuccess: onEnrolled });

  /** A wrong or stale code belongs under the field; anything else goes in an alert. */
  const codeRejected = isApiError(confirm.error) && (confirm.error.code === 'auth.totp_invalid' || confirm.error.status === 400);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = totpConfirmSchema.safeParse({ code: code.replace(/\s+/g, '') });
    setFormatError(!parsed.success);
    if (parsed.success) confirm.mutate(parsed.data.code);
  };

  if (!setup.data) {
    return (
      <Stack gap="md">
        <Text size="sm">{t('account.mfa.intro')}</Text>
        {setup.isError && <ErrorAlert error={setup.error} title={t('account.mfa.setupFailed')} />}
        <Group>
          <Button onClick={() => setup.mutate()} loading={setup.isPending}>
            {t('account.mfa.start')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const { qrDataUrl, secret } = setup.data;
  return (
    <Stack gap="lg">
      <List type="ordered" spacing="lg">
        <List.Item>
          <Stack gap="sm">
            <Text size="sm">{t('account.mfa.scanStep')}</Text>
            <Paper withBorder p="sm" w={232} bg="white">
              <Image src={qrDataUrl} alt={t('account.mfa.qrAlt')} w={212} h={212} fit="contain" />
            </Paper>
            <Text size="sm" id={secretId}>
              {t('account.mfa.manualEntry')}
            </Text>
            <Code fz="md" aria-describedby={secretId} style={{ wordBreak: 'break-all' }}>
              {grouped(secret)}
            </Code>
          </Stack>
        </List.Item>
        <List.Item>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm" maw={320}>
              <Text size="sm">{t('account.mfa.codeStep')}</Text>
              <TextInput
                label={t('auth.totpCode')}
                name="code"
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                required
                ff="monospace"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={formatError ? t('auth.totpFormat') : codeRejected ? errorText(confirm.error) : undefined}
              />
              <Group>
                <Button type="submit" loading={confirm.isPending}>
                  {t('account.mfa.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        </List.Item>
      </List>
      {confirm.isError && !codeRejected && <ErrorAlert error={confirm.error} title={t('account.mfa.confirmFailed')} />}
    </Stack>
  );
}
