import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language, languages, useLanguage } from './index.js';

/** ja / English toggle; the choice is persisted in localStorage by the i18n module. */
export function LanguageSwitch({ size = 'sm' }: { size?: SegmentedControlProps['size'] }) {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    <SegmentedControl
      size={size}
      value={current}
      onChange={(value) => changeLanguage(value as Language)}
      aria-label={t('language.label')}
      data={languages.map((lng) => ({
        value: lng,
        // Each language is named in itself so people can find their own.
        label: <span lang={lng}>{t(`language.${lng}`)}</span>,
      }))}
    />
  );
}
