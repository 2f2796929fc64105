import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('common.notFoundTitle'));
  return (
    <Stack gap="md" p="xl" maw={720} component="main">
      <Title order={1} size="h2">
        {t('common.notFoundTitle')}
      </Title>
      <Text>{t('common.notFoundBody')}</Text>
      <div>
        <Button component={Link} to="/" variant="outline">
          {t('common.backHome')}
        </Button>
      </div>
    </Stack>
  );
}
