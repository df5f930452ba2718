import { LinkRefusal } from '@liaison/counterparts';

export type PageLanguage = 'ko' | 'en';

/**
 * Every string of the counterpart's page, Korean and English (GLOSSARY.md's words). The page is
 * for outside organisations: English unless the browser prefers Korean or the switch says so.
 */
export const MESSAGES = {
  ko: {
    lang: 'ko',
    switchTo: 'English',
    title: '정보 요청',
    from: (agency: string) => `${agency}의 정보 요청 (자료 요청)`,
    subject: '요청 내용',
    message: '요청 기관의 메시지',
    due: '처리 기한',
    answersSoFar: (n: number) => `지금까지 보낸 답변: ${n}건`,
    answerHeading: '답변 보내기',
    text: '답변 내용',
    files: '첨부 파일',
    filesHint:
      'PDF, Word, Excel, PowerPoint, HWP, 이미지, 텍스트 파일을 여러 개 첨부할 수 있습니다.',
    complete: '이 답변으로 요청에 대한 답변을 마칩니다',
    submit: '답변 보내기',
    onceNote: '이 링크는 답변 한 번에 사용할 수 있습니다. 보낸 뒤에는 다시 사용할 수 없습니다.',
    acknowledge: '요청을 받았습니다 (접수)',
    acknowledged: '요청을 접수했습니다.',
    acknowledgeHint: '답변을 준비하는 동안 요청을 받았음을 알릴 수 있습니다.',
    thanks: '답변을 받았습니다. 감사합니다.',
    receivedAt: (at: string) => `받은 시각: ${at}`,
    receivedFiles: '받은 파일',
    bytes: (n: number) => `${n.toLocaleString('ko-KR')}바이트`,
    partialNote: '추가 답변이 필요하면 담당 기관이 새 링크를 보내 드립니다.',
    errorHeading: '입력을 확인해 주세요',
    refused: {
      invalid: '이 링크는 유효하지 않습니다.',
      expired: '이 링크는 기한이 지났습니다.',
      used: '이 링크는 이미 사용되었습니다.',
      replaced: '이 링크는 더 이상 사용할 수 없습니다. 가장 최근에 받은 링크를 사용해 주세요.',
      closed: '이 요청은 종결되었습니다.',
    } satisfies Record<LinkRefusal, string>,
    refusedHint: '요청을 보낸 기관의 담당자에게 새 링크를 요청해 주세요.',
    problems: {
      textEmpty: '답변 내용을 입력하거나 파일을 첨부해 주세요.',
      textLong: '답변 내용이 너무 깁니다.',
      file: '첨부 파일을 받을 수 없습니다',
      form: '양식을 읽을 수 없습니다.',
    },
  },
  en: {
    lang: 'en',
    switchTo: '한국어',
    title: 'Information request',
    from: (agency: string) => `Information request from ${agency}`,
    subject: 'What is asked',
    message: 'Message from the requesting agency',
    due: 'Due',
    answersSoFar: (n: number) => `Answers sent so far: ${n}`,
    answerHeading: 'Send your answer',
    text: 'Answer',
    files: 'Files',
    filesHint: 'PDF, Word, Excel, PowerPoint, HWP, images and text files; several at once.',
    complete: 'This completes our answer to the request',
    submit: 'Send answer',
    onceNote: 'This link works for one answer; once sent, it cannot be used again.',
    acknowledge: 'We have received the request',
    acknowledged: 'Receipt confirmed.',
    acknowledgeHint: 'While you prepare the answer you may confirm that the request arrived.',
    thanks: 'Your answer was received. Thank you.',
    receivedAt: (at: string) => `Received: ${at}`,
    receivedFiles: 'Files received',
    bytes: (n: number) => `${n.toLocaleString('en-US')} bytes`,
    partialNote: 'If more is needed, the agency will send you a new link.',
    errorHeading: 'Please check the form',
    refused: {
      invalid: 'This link is not valid.',
      expired: 'This link has expired.',
      used: 'This link has already been used.',
      replaced: 'This link no longer works: please use the most recent link you received.',
      closed: 'This request has been closed.',
    } satisfies Record<LinkRefusal, string>,
    refusedHint: 'Please ask your contact at the requesting agency for a new link.',
    problems: {
      textEmpty: 'Write an answer or attach a file.',
      textLong: 'The answer is too long.',
      file: 'A file could not be accepted',
      form: 'The form could not be read.',
    },
  },
} as const;

/** Korean names of the seed agencies (GLOSSARY.md); others show their directory name. */
const KOREAN_NAMES: Readonly<Record<string, string>> = {
  MSIT: '과학기술정보통신부',
  MOFA: '외교부',
  NIS: '국가정보원',
  FSC: '금융위원회',
  NAISC: '국가인공지능전략위원회',
  AISI: 'AI안전연구소',
  KISA: '한국인터넷진흥원',
  FSI: '금융보안원',
};

/** "Ministry of Science and ICT (MSIT)", "과학기술정보통신부 (MSIT)": full name on first mention. */
export function agencyLabel(code: string, directoryName: string | undefined, lang: PageLanguage) {
  const name = (lang === 'ko' ? KOREAN_NAMES[code] : undefined) ?? directoryName;
  return name && name !== code ? `${name} (${code})` : code;
}

export type PageMessages = (typeof MESSAGES)[PageLanguage];

/** `?lang=` wins (the switch); then the browser's Accept-Language, by its q values. */
export function pageLanguage(query: unknown, acceptLanguage: string | undefined): PageLanguage {
  if (query === 'ko' || query === 'en') return query;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
      return { tag, q: q ? Number(q[1]) : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === 'ko' || tag.startsWith('ko-')) return 'ko';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** Korean dates as 2026. 11. 27. (금) 18:00, times in Asia/Seoul (GLOSSARY.md). */
export function formatTime(iso: string, lang: PageLanguage): string {
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    year: 'numeric',
    month: lang === 'ko' ? 'numeric' : 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Seoul',
    timeZoneName: 'short',
  }).format(new Date(iso));
}
