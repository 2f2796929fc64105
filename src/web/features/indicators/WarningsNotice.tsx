import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WarningListBadges } from './WarningListBadges.js';

/** 「既知の正規サービス等（警告リスト）」 with the lists matched and why such values are kept out of correlation. */
export function WarningsNotice({ names }: { names: readonly string[] }) {
  const { t } = useTranslation();
  if (names.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('indicators.warningsLabel')}>
      <Stack gap="xs">
        <WarningListBadges names={names} />
        <Text size="sm">{t('indicators.warningsHint')}</Text>
      </Stack>
    </Alert>
  );
}
