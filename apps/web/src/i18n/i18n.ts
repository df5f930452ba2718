import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'liaison.language';

/** The person's own choice, else the first of the browser's languages we speak, else Korean. */
export function preferredLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored === 'ko' || stored === 'en') return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ko' || base === 'en') return base;
  }
  return 'ko';
}

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (private mode): the browser's preference still applies
  }
}

export function initI18n(language?: Language) {
  const lng = language ?? preferredLanguage(storedLanguage(), navigator.languages ?? []);
  void i18next.use(initReactI18next).init({
    resources: { ko: { translation: ko }, en: { translation: en } },
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function switchLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // the switch still applies to this page
  }
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}
