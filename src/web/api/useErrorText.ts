import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/index.js';
import { isApiError } from './errors.js';

/** Text to show for an error: the server's Japanese `message`, or `messageEn` in English. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (error) => {
    if (isApiError(error)) return lng === 'en' && error.messageEn ? error.messageEn : error.message;
    return t('errors.unexpected');
  };
}
