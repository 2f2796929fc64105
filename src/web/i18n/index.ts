import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'renkei.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'ja';
  } catch {
    return 'ja'; // storage disabled (private mode, policy): fall back to Japanese
  }
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = isLanguage(lng) ? lng : 'ja';
  try {
    if (isLanguage(lng)) window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not persisted; the switch still works for this page view
  }
}

// Resources are added by app/i18n.ts: the shell-wide dictionary and one slice per feature.
void i18n.use(initReactI18next).init({
  resources: { ja: { translation: {} }, en: { translation: {} } },
  lng: readStoredLanguage(),
  fallbackLng: 'ja',
  supportedLngs: languages,
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false, // resources are bundled: initialise synchronously
});
i18n.on('languageChanged', applyLanguage);
applyLanguage(i18n.language);

export { i18n };

/** Current UI language, narrowed to the supported ones. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage ?? instance.language;
  return isLanguage(lng) ? lng : 'ja';
}

/** Pick the label for the current language from a `{ ja, en }` pair (contracts use this shape). */
export function useLocalized(): (label: { ja: string; en: string }) => string {
  const lng = useLanguage();
  return (label) => label[lng];
}

/** A unit's name in the UI language: its English name in English when it has one. */
export function useUnitName(): (unit: { name: string; nameEn?: string | null | undefined }) => string {
  const lng = useLanguage();
  return (unit) => (lng === 'en' && unit.nameEn ? unit.nameEn : unit.name);
}

export function changeLanguage(lng: Language): void {
  void i18n.changeLanguage(lng);
}
