import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WarningListBadges } from './WarningListBadges.js';

/** 「既知の正規サービス等（警告リスト）」 with the lists matched and why such values are kept out of correlation. */
export function WarningsNotice({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('indicators.warningsLabel')}>
      <Stack gap="xs">
        <WarningListBadges ids={ids} />
        <Text size="sm">{t('indicators.warningsHint')}</Text>
      </Stack>
    </Alert>
  );
}
