/**
 * The words of a notification, in Korean or English by the person's language. Korean as a
 * Korean civil servant writes an office notice (GLOSSARY.md terms: 후속 조치, 배정, 처리 기한,
 * 반려, 상급자 보고, 의견); English plain. Pure: the same facts give the same letter, so a
 * resend is the same message.
 */
import { Language, NotificationKind } from '../domain/notification-kinds';
import { agencyName } from './agency-names';
import {
  CounterpartOverdueFacts,
  isCounterpartFacts,
  renderCounterpartOverdue,
} from './counterpart-templates';
import { formatDue } from './due-format';

export { formatDue };

/** What a notification's row keeps: a task's facts, or a counterpart request's. */
export type LetterFacts = NotificationFacts | CounterpartOverdueFacts;

/** The kinds about a follow-up task. */
type TaskKind = Exclude<NotificationKind, 'counterpart_overdue'>;

/** What a notification says about its task, taken from the log when it was planned. */
export interface NotificationFacts {
  followUpId: string;
  title: string;
  hostAgency: string;
  assigneeAgency: string;
  dueAt: string;
  priority: string;
  /** A rejection's, escalation's or reassignment's reason. */
  reason?: string;
  /** A comment's first lines. */
  excerpt?: string;
  /** Who acted (a comment's author, the colleague who handed over), by name when known. */
  actorName?: { ko: string; en: string };
  /** What happened (the event type): the assignment kind covers four of them. */
  event: string;
  /** A classified task's level: its e-mail names neither the task nor its words (DESIGN.md,
   * Classification); the in-app list, behind sign-in and the read policy, does. */
  classification?: 'restricted' | 'confidential';
}

/** Where the letter goes: e-mail leaves the mail system, so a classified task is not named. */
export type Channel = 'email' | 'in_app';

const WITHHELD = {
  ko: { restricted: '제한 과제', confidential: '비공개 과제' },
  en: { restricted: 'restricted task', confidential: 'confidential task' },
} as const;

/** The facts an e-mail may carry: for a classified task, no title, reason or comment text. */
function forChannel(f: NotificationFacts, language: Language, channel: Channel): NotificationFacts {
  if (channel === 'in_app' || !f.classification) return f;
  const label = WITHHELD[language][f.classification];
  const rest: NotificationFacts = { ...f, title: `(${label})` };
  delete rest.reason;
  delete rest.excerpt;
  return rest;
}

export interface Letter {
  subject: string;
  text: string;
}

export interface Recipient {
  displayName: { ko: string; en: string };
  language: Language;
}

const PRIORITY = {
  ko: { urgent: '긴급', high: '높음', normal: '보통', low: '낮음' },
  en: { urgent: 'urgent', high: 'high', normal: 'normal', low: 'low' },
} as const;

const KO_FOOTER =
  '※ 본 메일은 발신 전용입니다. 알림 수신 여부와 방식은 Liaison의 [알림 설정]에서 변경하실 수 있습니다.';
const EN_FOOTER =
  'This is an automated message; replies are not read. Change what you receive under Notification settings in Liaison.';

export function renderLetter(
  kind: NotificationKind,
  facts: LetterFacts,
  to: Recipient,
  link?: string,
  channel: Channel = 'email',
): Letter {
  if (isCounterpartFacts(facts)) {
    return renderCounterpartOverdue(facts, to, link, to.language === 'en' ? EN_FOOTER : KO_FOOTER);
  }
  if (kind === 'counterpart_overdue') throw new Error('counterpart_overdue is about a request');
  const shown = forChannel(facts, to.language, channel);
  return to.language === 'en' ? english(kind, shown, to, link) : korean(kind, shown, to, link);
}

function korean(kind: TaskKind, f: NotificationFacts, to: Recipient, link?: string): Letter {
  const host = agencyName(f.hostAgency, 'ko');
  const assignee = agencyName(f.assigneeAgency, 'ko');
  const due = formatDue(f.dueAt, 'ko');
  const actor = f.actorName?.ko;
  const task = [
    `  ○ 과제명: ${f.title}`,
    `  ○ 주관: ${host} / 담당 기관: ${assignee}`,
    `  ○ 처리 기한: ${due}`,
    `  ○ 우선순위: ${PRIORITY.ko[f.priority as keyof typeof PRIORITY.ko] ?? f.priority}`,
  ];
  const [subject, lead, ask] = ((): [string, string, string] => {
    switch (kind) {
      case 'assignment':
        return f.event === 'FollowUpHandedOver' || f.event === 'FollowUpClaimed'
          ? [
              `[Liaison] 후속 조치 담당자 지정: ${f.title}`,
              `아래 후속 조치의 담당자로 지정되었습니다${actor ? ` (${actor} 님 인계)` : ''}.`,
              '과제를 확인하시고 처리하여 주시기 바랍니다.',
            ]
          : [
              `[Liaison] 후속 조치 배정: ${f.title}`,
              f.event === 'FollowUpReassigned'
                ? `아래 후속 조치가 ${assignee}(으)로 재배정되었습니다.`
                : `${host}에서 ${assignee}에 아래 후속 조치를 배정하였습니다.`,
              '과제를 확인하시고 접수하여 주시기 바랍니다.',
            ];
      case 'reminder':
        return [
          `[Liaison] 기한 임박 알림: ${f.title}`,
          `아래 후속 조치의 처리 기한(${due})이 다가오고 있습니다.`,
          '기한 내에 결과를 제출하여 주시기 바랍니다.',
        ];
      case 'overdue':
        return [
          `[Liaison] 처리 기한 경과: ${f.title}`,
          `아래 후속 조치의 처리 기한(${due})이 경과하였습니다.`,
          '조속히 처리하여 주시고, 기한 연장이 필요하면 주관 부서와 협의하여 주시기 바랍니다.',
        ];
      case 'escalation':
        return [
          `[Liaison] 상급자 보고: ${f.title}`,
          `${assignee}에 배정된 아래 후속 조치가 상급자 보고되었습니다.${f.reason ? `\n  - 사유: ${f.reason}` : ''}`,
          '처리 현황을 확인하시고 필요한 조치를 하여 주시기 바랍니다.',
        ];
      case 'rejection':
        return [
          `[Liaison] 제출 결과 반려: ${f.title}`,
          `제출하신 결과가 ${host}에서 반려되었습니다.${f.reason ? `\n  - 반려 사유: ${f.reason}` : ''}`,
          '반려 사유를 확인하시고 보완하여 다시 제출하여 주시기 바랍니다.',
        ];
      case 'comment':
        return [
          `[Liaison] 새 의견 등록: ${f.title}`,
          `${actor ? `${actor} 님이 ` : ''}아래 후속 조치에 의견을 등록하였습니다.${excerpt(f)}`,
          '의견을 확인하여 주시기 바랍니다.',
        ];
      case 'mention':
        return [
          `[Liaison] 의견에서 언급됨: ${f.title}`,
          `${actor ? `${actor} 님이 ` : ''}아래 후속 조치의 의견에서 ${to.displayName.ko} 님을 언급하였습니다.${excerpt(f)}`,
          '의견을 확인하여 주시기 바랍니다.',
        ];
    }
  })();
  const text = [
    `${to.displayName.ko} 님께`,
    '',
    lead,
    '',
    ...task,
    '',
    ask,
    ...(link ? [`  ▶ 바로 가기: ${link}`] : []),
    '',
    KO_FOOTER,
  ].join('\n');
  return { subject, text };
}

function english(kind: TaskKind, f: NotificationFacts, to: Recipient, link?: string): Letter {
  const host = agencyName(f.hostAgency, 'en');
  const assignee = agencyName(f.assigneeAgency, 'en');
  const due = formatDue(f.dueAt, 'en');
  const actor = f.actorName?.en;
  const task = [
    `  Task: ${f.title}`,
    `  Lead: ${host} / Assigned to: ${assignee}`,
    `  Due: ${due}`,
    `  Priority: ${PRIORITY.en[f.priority as keyof typeof PRIORITY.en] ?? f.priority}`,
  ];
  const [subject, lead, ask] = ((): [string, string, string] => {
    switch (kind) {
      case 'assignment':
        return f.event === 'FollowUpHandedOver' || f.event === 'FollowUpClaimed'
          ? [
              `[Liaison] You are now the officer: ${f.title}`,
              `You are now the officer of this follow-up${actor ? ` (handed over by ${actor})` : ''}.`,
              'Please review it and carry it forward.',
            ]
          : [
              `[Liaison] New follow-up assigned: ${f.title}`,
              f.event === 'FollowUpReassigned'
                ? `This follow-up has been reassigned to ${assignee}.`
                : `${host} has assigned this follow-up to ${assignee}.`,
              'Please review and acknowledge it.',
            ];
      case 'reminder':
        return [
          `[Liaison] Due soon: ${f.title}`,
          `This follow-up is due ${due}.`,
          'Please submit the result before the due date.',
        ];
      case 'overdue':
        return [
          `[Liaison] Overdue: ${f.title}`,
          `This follow-up was due ${due} and is now overdue.`,
          'Please complete it as soon as possible, or agree an extension with the lead bureau.',
        ];
      case 'escalation':
        return [
          `[Liaison] Escalated: ${f.title}`,
          `This follow-up assigned to ${assignee} has been escalated.${f.reason ? `\n  Reason: ${f.reason}` : ''}`,
          'Please review its progress and decide what is needed.',
        ];
      case 'rejection':
        return [
          `[Liaison] Result returned: ${f.title}`,
          `${host} returned the submitted result.${f.reason ? `\n  Reason: ${f.reason}` : ''}`,
          'Please address the reason and submit again.',
        ];
      case 'comment':
        return [
          `[Liaison] New comment: ${f.title}`,
          `${actor ?? 'Someone'} commented on this follow-up.${excerpt(f)}`,
          'Please read the comment.',
        ];
      case 'mention':
        return [
          `[Liaison] You were mentioned: ${f.title}`,
          `${actor ?? 'Someone'} mentioned you in a comment on this follow-up.${excerpt(f)}`,
          'Please read the comment.',
        ];
    }
  })();
  const text = [
    `Dear ${to.displayName.en},`,
    '',
    lead,
    '',
    ...task,
    '',
    ask,
    ...(link ? [`  Open: ${link}`] : []),
    '',
    EN_FOOTER,
  ].join('\n');
  return { subject, text };
}

function excerpt(f: NotificationFacts): string {
  if (!f.excerpt) return '';
  return `\n\n    "${f.excerpt}"`;
}

/** The day's digest: one line per notification, newest last. */
export function renderDigest(
  day: string,
  items: readonly { subject: string }[],
  to: Recipient,
): Letter {
  const lines = items.map((i, n) => `  ${n + 1}. ${i.subject.replace(/^\[Liaison\] /, '')}`);
  if (to.language === 'en') {
    return {
      subject: `[Liaison] Daily summary for ${day} (${items.length})`,
      text: [
        `Dear ${to.displayName.en},`,
        '',
        `Your notifications of ${day}:`,
        '',
        ...lines,
        '',
        EN_FOOTER,
      ].join('\n'),
    };
  }
  const dayKo = formatDue(`${day}T03:00:00Z`, 'ko').replace(/ \d\d:\d\d$/, '');
  return {
    subject: `[Liaison] ${dayKo} 알림 요약 (${items.length}건)`,
    text: [
      `${to.displayName.ko} 님께`,
      '',
      `${dayKo} 알림 ${items.length}건을 모아 드립니다.`,
      '',
      ...lines,
      '',
      KO_FOOTER,
    ].join('\n'),
  };
}
