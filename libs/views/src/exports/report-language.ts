/**
 * Reports speak Korean or English. `?lang=` wins (a link to a report keeps its language when
 * shared), then the browser's Accept-Language (by q order), then Korean: the readers are Korean
 * civil servants, and the report goes on to a minister's desk.
 */
export type ReportLanguage = 'ko' | 'en';

export function reportLanguage(
  lang: string | undefined,
  acceptLanguage: string | undefined,
): ReportLanguage {
  if (lang === 'ko' || lang === 'en') return lang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.split('-')[0], q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => (x.tag === 'ko' || x.tag === 'en') && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.tag as ReportLanguage | undefined) ?? 'ko';
}

/** Words of the glossary (../shared/GLOSSARY.md), one per concept. */
export const STATUS_LABELS: Record<ReportLanguage, Record<string, string>> = {
  ko: {
    assigned: '배정됨',
    routed: '전달됨',
    acknowledged: '접수됨',
    in_progress: '처리 중',
    submitted: '제출됨',
    accepted: '완료(승인)',
    rejected: '반려됨',
    declined: '이관 요청',
    reassigned: '재배정됨',
    cancelled: '취소됨',
  },
  en: {
    assigned: 'assigned',
    routed: 'routed',
    acknowledged: 'acknowledged',
    in_progress: 'in progress',
    submitted: 'submitted',
    accepted: 'accepted',
    rejected: 'rejected',
    declined: 'declined',
    reassigned: 'reassigned',
    cancelled: 'cancelled',
  },
};

export const PRIORITY_LABELS: Record<ReportLanguage, Record<string, string>> = {
  ko: { urgent: '긴급', high: '높음', normal: '보통', low: '낮음' },
  en: { urgent: 'urgent', high: 'high', normal: 'normal', low: 'low' },
};

export const SOURCE_LABELS: Record<ReportLanguage, Record<string, string>> = {
  ko: { action: '합의 사항', info_request: '정보 요청' },
  en: { action: 'agreed action', info_request: 'information request' },
};

export const YES: Record<ReportLanguage, string> = { ko: '예', en: 'yes' };
