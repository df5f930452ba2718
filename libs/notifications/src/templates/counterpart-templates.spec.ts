import { CounterpartOverdueFacts } from './counterpart-templates';
import { renderLetter } from './notification-templates';

const facts: CounterpartOverdueFacts = {
  about: 'counterpart_request',
  requestId: 'r1',
  workshopId: 'w1',
  counterpart: 'OPENAI',
  subject: 'AI 악용 위협 지표 공유',
  hostAgency: 'MSIT',
  liaisonAgency: 'MSIT',
  forDueAt: '2026-11-25T09:00:00Z',
  sentAt: '2026-11-18T09:00:00Z',
  acknowledged: true,
  partAnswers: 0,
  newLink: false,
};
const ko = { displayName: { ko: '김국장', en: 'Kim Director' }, language: 'ko' as const };
const en = { ...ko, language: 'en' as const };

describe('the counterpart overdue letter', () => {
  it('says who has not answered what, since when, and what to do next (Korean)', () => {
    const letter = renderLetter('counterpart_overdue', facts, ko, 'https://liaison.go.kr/w/w1');
    expect(letter.subject).toBe('[Liaison] 회신 기한 경과(OpenAI): AI 악용 위협 지표 공유');
    expect(letter.text).toContain('김국장 님께');
    expect(letter.text).toContain('회신 기한: 2026. 11. 25.(수) 18:00');
    expect(letter.text).toContain('발송일: 2026. 11. 18.(수) 18:00');
    expect(letter.text).toContain('진행 상황: 수신 확인, 회신 없음');
    expect(letter.text).toContain('주관: 과학기술정보통신부');
    expect(letter.text).toContain('[독촉]');
    expect(letter.text).toContain('▶ 바로 가기: https://liaison.go.kr/w/w1');
  });

  it('in English, and says so when the reminder replaced the link', () => {
    const letter = renderLetter('counterpart_overdue', { ...facts, newLink: true }, en);
    expect(letter.subject).toBe('[Liaison] No answer from OpenAI: AI 악용 위협 지표 공유');
    expect(letter.text).toContain('Due: Wed, 25 Nov 2026, 18:00 (KST)');
    expect(letter.text).toContain('a new one has been issued');
    expect(letter.text).not.toContain('Open:');
  });

  it('refuses the kind without a request’s facts', () => {
    expect(() =>
      renderLetter(
        'counterpart_overdue',
        {
          followUpId: 'f',
          title: 't',
          hostAgency: 'MSIT',
          assigneeAgency: 'KISA',
          dueAt: facts.forDueAt,
          priority: 'normal',
          event: 'x',
        },
        ko,
      ),
    ).toThrow(/request/);
  });
});
