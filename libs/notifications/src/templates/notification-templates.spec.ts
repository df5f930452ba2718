import { formatDue, renderDigest, renderLetter } from './notification-templates';

const facts = {
  followUpId: 'f1',
  title: 'AI 보안 위협 정보 공유',
  hostAgency: 'MSIT',
  assigneeAgency: 'KISA',
  dueAt: '2026-11-18T09:00:00Z',
  priority: 'urgent',
  event: 'FollowUpAssigned',
};
const ko = { displayName: { ko: '김담당', en: 'Kim Officer' }, language: 'ko' as const };
const en = { ...ko, language: 'en' as const };

describe('notification letters', () => {
  it('writes Korean as an office notice: names, agencies in full, due date in Seoul time', () => {
    const letter = renderLetter('assignment', facts, ko, 'https://liaison.go.kr/follow-ups/f1');
    expect(letter.subject).toBe('[Liaison] 후속 조치 배정: AI 보안 위협 정보 공유');
    expect(letter.text).toContain('김담당 님께');
    expect(letter.text).toContain(
      '과학기술정보통신부에서 한국인터넷진흥원에 아래 후속 조치를 배정하였습니다.',
    );
    expect(letter.text).toContain('처리 기한: 2026. 11. 18.(수) 18:00');
    expect(letter.text).toContain('우선순위: 긴급');
    expect(letter.text).toContain('https://liaison.go.kr/follow-ups/f1');
  });

  it('writes English for a person who chose it', () => {
    const letter = renderLetter('rejection', { ...facts, reason: 'Add the sources' }, en);
    expect(letter.subject).toBe('[Liaison] Result returned: AI 보안 위협 정보 공유');
    expect(letter.text).toContain('Dear Kim Officer,');
    expect(letter.text).toContain('Reason: Add the sources');
    expect(letter.text).toContain('Due: Wed, 18 Nov 2026, 18:00 (KST)');
  });

  it('has a Korean and an English letter for every kind', () => {
    for (const kind of [
      'assignment',
      'reminder',
      'overdue',
      'escalation',
      'rejection',
      'comment',
      'mention',
    ] as const) {
      expect(renderLetter(kind, facts, ko).subject).toMatch(/^\[Liaison\] [가-힣 ]+: /);
      expect(renderLetter(kind, facts, en).subject).toMatch(/^\[Liaison\] [A-Za-z -]+: /);
    }
  });

  it('is the same letter for the same facts (a resend is the same message)', () => {
    expect(renderLetter('overdue', facts, ko)).toEqual(renderLetter('overdue', facts, ko));
  });

  it('sums up a day in one digest', () => {
    const digest = renderDigest(
      '2026-11-18',
      [{ subject: '[Liaison] 새 의견 등록: A' }, { subject: '[Liaison] 기한 임박 알림: B' }],
      ko,
    );
    expect(digest.subject).toBe('[Liaison] 2026. 11. 18.(수) 알림 요약 (2건)');
    expect(digest.text).toContain('  1. 새 의견 등록: A');
    expect(renderDigest('2026-11-18', [{ subject: 'x' }], en).subject).toBe(
      '[Liaison] Daily summary for 2026-11-18 (1)',
    );
  });

  it('formats a due time in Seoul', () => {
    expect(formatDue('2026-11-18T15:30:00Z', 'ko')).toBe('2026. 11. 19.(목) 00:30');
  });
});

describe('a classified task by e-mail', () => {
  const classified = {
    ...facts,
    classification: 'restricted' as const,
    reason: '내부 사유',
    excerpt: '내부 의견',
  };

  it('names neither the task nor its words; the in-app line does', () => {
    const mail = renderLetter('rejection', classified, ko);
    expect(mail.subject).toBe('[Liaison] 제출 결과 반려: (제한 과제)');
    expect(mail.text).not.toContain('AI 보안');
    expect(mail.text).not.toContain('내부 사유');
    expect(renderLetter('mention', classified, en).text).not.toContain('내부 의견');
    expect(renderLetter('rejection', classified, ko, undefined, 'in_app').subject).toContain(
      'AI 보안',
    );
  });
});
