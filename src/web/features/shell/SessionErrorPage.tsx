import { Container } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';

/** GET /api/auth/me failed for a reason other than 401 (server down, 5xx). */
export function SessionErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Container size="sm" py="xl" component="main">
      <ErrorAlert error={error} title={t('shell.sessionErrorTitle')} onRetry={() => void router.invalidate()} />
    </Container>
  );
}
