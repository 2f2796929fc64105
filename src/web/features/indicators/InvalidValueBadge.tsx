import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 「形式が正しくありません」: the input does not read as a value of the chosen type. */
export function InvalidValueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
      {t('indicators.invalidValue')}
    </Badge>
  );
}
