import { render } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { en } from './i18n/en';
import { ko } from './i18n/ko';

/** Renders with the real catalogue in one language, as a person would read the page. */
export async function renderIn(language: 'ko' | 'en', ui: ReactElement) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { ko: { translation: ko }, en: { translation: en } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}
