import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../lib/useDocumentTitle.js';
import { ModusSettings } from './ModusSettings.js';
import { RuleSettings } from './RuleSettings.js';

/** 設定 (intake.settings.manage): the 手口 list and the 報告基準. */
export function IntakeSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('intake.settings.title'));
  return (
    <Stack gap="xl">
      <ModusSettings />
      <RuleSettings />
    </Stack>
  );
}
