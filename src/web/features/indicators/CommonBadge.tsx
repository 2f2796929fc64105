import { Badge, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 「共通（多数の記録に出現）」: the indicator is left out of correlation; the reason on hover and focus. */
export function CommonBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('indicators.commonHint')} multiline maw={320} events={{ hover: true, focus: true, touch: true }}>
      <Badge color="gray" variant="outline" tt="none" tabIndex={0} h="auto" styles={{ label: { whiteSpace: 'normal' } }}>
        {t('indicators.common')}
        <VisuallyHidden>{t('indicators.commonHint')}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}
