import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { JobsPanel } from './JobsPanel.js';

/** システム管理. One tab for now; more admin tabs join here as the server grows. */
export function AdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('admin.title')}
      </Title>
      <Tabs defaultValue="jobs" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="jobs">{t('admin.tabs.jobs')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="jobs" pt="md">
          <JobsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
