/**
 * The words of `counterpart_overdue`: an outside counterpart has not answered a request by its
 * due time. It tells the bureau what is owed, by whom, since when, and what to do next — open
 * the request in Liaison and pass on its current link or chase it for a new one. It never
 * carries the link itself: the token is the counterpart's key and goes to no mailbox or table.
 */
import type { Language } from '../domain/notification-kinds';
import { agencyName } from './agency-names';
import { formatDue } from './due-format';

/** What the notification says about the request, taken from the log when it was planned. */
export interface CounterpartOverdueFacts {
  about: 'counterpart_request';
  requestId: string;
  workshopId: string;
  /** OPENAI, ANTHROPIC: named as the directory names them. */
  counterpart: string;
  subject: string;
  hostAgency: string;
  liaisonAgency: string;
  /** The due time that passed. */
  forDueAt: string;
  /** When the request was first sent. */
  sentAt?: string;
  /** Whether the counterpart confirmed receipt, and how many answers in part it gave. */
  acknowledged: boolean;
  partAnswers: number;
  /** The reminder issued a fresh link (no working one was left): the old one stopped working. */
  newLink: boolean;
}

export function isCounterpartFacts(facts: object): facts is CounterpartOverdueFacts {
  return (facts as { about?: unknown }).about === 'counterpart_request';
}

const COUNTERPART_NAMES: Record<string, { ko: string; en: string }> = {
  OPENAI: { ko: 'OpenAI', en: 'OpenAI' },
  ANTHROPIC: { ko: 'Anthropic', en: 'Anthropic' },
};

function counterpartName(code: string, language: Language): string {
  return COUNTERPART_NAMES[code]?.[language] ?? code;
}

export function renderCounterpartOverdue(
  f: CounterpartOverdueFacts,
  to: { displayName: { ko: string; en: string }; language: Language },
  link: string | undefined,
  footer: string,
): { subject: string; text: string } {
  const who = counterpartName(f.counterpart, to.language);
  const due = formatDue(f.forDueAt, to.language);
  const sent = f.sentAt ? formatDue(f.sentAt, to.language) : undefined;
  if (to.language === 'en') {
    const state = f.partAnswers
      ? `answered in part (${f.partAnswers})`
      : f.acknowledged
        ? 'receipt confirmed, no answer'
        : 'no reply';
    return {
      subject: `[Liaison] No answer from ${who}: ${f.subject}`,
      text: [
        `Dear ${to.displayName.en},`,
        '',
        `${who} has not answered this request by its due time (${due}).`,
        '',
        `  Request: ${f.subject}`,
        `  To: ${who}`,
        `  Lead: ${agencyName(f.hostAgency, 'en')} / Liaison: ${agencyName(f.liaisonAgency, 'en')}`,
        ...(sent ? [`  Sent: ${sent}`] : []),
        `  Due: ${due}`,
        `  So far: ${state}`,
        `  Request ID: ${f.requestId}`,
        '',
        f.newLink
          ? 'Its earlier link no longer works and a new one has been issued. Please open the request in Liaison, pass the new link on to the counterpart, and set a new due time if needed (Chase).'
          : 'Please open the request in Liaison and pass its current link on to the counterpart again, or chase it for a new link and due time.',
        ...(link ? [`  Open: ${link}`] : []),
        '',
        footer,
      ].join('\n'),
    };
  }
  const state = f.partAnswers
    ? `일부 회신(${f.partAnswers}건)`
    : f.acknowledged
      ? '수신 확인, 회신 없음'
      : '회신 없음';
  return {
    subject: `[Liaison] 회신 기한 경과(${who}): ${f.subject}`,
    text: [
      `${to.displayName.ko} 님께`,
      '',
      `${who}에 요청한 아래 자료의 회신 기한(${due})이 지났으나 회신이 완료되지 않았습니다.`,
      '',
      `  ○ 요청 사항: ${f.subject}`,
      `  ○ 요청 대상: ${who}`,
      `  ○ 주관: ${agencyName(f.hostAgency, 'ko')} / 창구: ${agencyName(f.liaisonAgency, 'ko')}`,
      ...(sent ? [`  ○ 발송일: ${sent}`] : []),
      `  ○ 회신 기한: ${due}`,
      `  ○ 진행 상황: ${state}`,
      `  ○ 요청 번호: ${f.requestId}`,
      '',
      f.newLink
        ? '기존 회신 링크는 더 이상 사용할 수 없어 새 링크가 발급되었습니다. Liaison에서 해당 요청을 열어 새 링크를 상대 기관에 전달하시고, 필요하면 [독촉]으로 회신 기한을 새로 정하여 주시기 바랍니다.'
        : 'Liaison에서 해당 요청을 열어 현재 회신 링크를 상대 기관에 다시 전달하시거나, [독촉]으로 새 링크와 회신 기한을 정하여 주시기 바랍니다.',
      ...(link ? [`  ▶ 바로 가기: ${link}`] : []),
      '',
      footer,
    ].join('\n'),
  };
}
