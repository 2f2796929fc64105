import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title to "<page> | 連携" (or just the product title). */
export function useDocumentTitle(page?: string): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} | ${product}` : t('app.fullTitle');
  }, [page, product, t]);
}
