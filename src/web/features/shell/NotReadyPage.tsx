import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { domainNav } from '../../../contracts/domains.contracts.js';
import { useLocalized } from '../../i18n/index.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

type Domain = (typeof domainNav)[number];

/** Page for a domain that is not built yet: its title and a notice, never placeholder data. */
export function NotReadyPage({ domain }: { domain: Domain }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const title = localized(domain);
  useDocumentTitle(title);
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Alert color="blue" variant="light" title={t('notReady.title')}>
        <Text size="sm">{t('notReady.body')}</Text>
      </Alert>
    </Stack>
  );
}
