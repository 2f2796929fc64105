import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Why the user is held on this page (first login, or a role that requires MFA). */
export function ForcedNotice({ kind }: { kind: 'password' | 'mfa' }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t(kind === 'password' ? 'account.forced.passwordTitle' : 'account.forced.mfaTitle')}>
      <Text size="sm">{t('account.forced.body')}</Text>
    </Alert>
  );
}
