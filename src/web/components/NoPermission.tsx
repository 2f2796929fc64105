import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown when a page is opened directly without the permission its menu entry requires. */
export function NoPermission() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" title={t('common.noPermissionTitle')}>
      <Text size="sm">{t('common.noPermissionBody')}</Text>
    </Alert>
  );
}
