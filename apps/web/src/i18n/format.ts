/** Dates and times through Intl, in Seoul time unless a page says otherwise (GLOSSARY.md). */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

const LOCALES = { ko: 'ko-KR', en: 'en-GB' } as const;

export function formatDateTime(iso: string, language: string, timeZone = DEFAULT_TIME_ZONE) {
  return new Intl.DateTimeFormat(LOCALES[language as keyof typeof LOCALES] ?? language, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD) as the language writes it: 2026. 11. 18.(수) / Wed 18 Nov 2026. */
export function formatDate(day: string, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language as keyof typeof LOCALES] ?? language, {
    timeZone: 'UTC', // a day, not an instant: shown as written
    year: 'numeric',
    month: language === 'ko' ? '2-digit' : 'short',
    day: '2-digit',
    weekday: 'short',
  }).format(new Date(`${day}T00:00:00Z`));
}
