import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/PageHeading.js';
import { ModusSettings } from './ModusSettings.js';
import { RuleSettings } from './RuleSettings.js';

/** 設定 (intake.settings.manage): the 手口 list and the 報告基準. */
export function IntakeSettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <PageHeading title={t('intake.settings.title')} />
      <ModusSettings />
      <RuleSettings />
    </Stack>
  );
}
