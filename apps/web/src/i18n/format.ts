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
