import { describe, expect, it } from 'vitest';
import { byAgency, decisionsOf, startsAtOf } from './meeting-form';

describe('the meeting forms', () => {
  it('take one decision a line', () => {
    expect(decisionsOf(' 공유 채널 개설\n\n월 1회 정례 실무 회의 \n')).toEqual([
      '공유 채널 개설',
      '월 1회 정례 실무 회의',
    ]);
  });

  it('read a local time as Korean time', () => {
    expect(startsAtOf('2026-11-25T14:00')).toBe('2026-11-25T14:00:00+09:00');
  });

  it('group people by agency, the host first', () => {
    const people = [
      { id: 'a', agency: 'KISA' },
      { id: 'b', agency: 'MSIT' },
      { id: 'c', agency: 'KISA' },
      { id: 'd', agency: 'FSC' },
    ];
    expect(byAgency(people, ['MSIT', 'KISA']).map(([code, list]) => [code, list.length])).toEqual([
      ['MSIT', 1],
      ['KISA', 2],
      ['FSC', 1],
    ]);
  });
});
