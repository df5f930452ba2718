import type { Language } from '../domain/notification-kinds';

/** `2026. 11. 18.(수) 18:00` in Seoul time; English `Wed, 18 Nov 2026, 18:00 (KST)`. */
export function formatDue(iso: string, language: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const part = (locale: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Seoul', ...options }).format(at);
  if (language === 'ko') {
    const date = part('ko-KR', { year: 'numeric', month: '2-digit', day: '2-digit' });
    const weekday = part('ko-KR', { weekday: 'short' });
    const time = part('ko-KR', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return `${date}(${weekday}) ${time}`;
  }
  const date = part('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = part('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${date}, ${time} (KST)`;
}
