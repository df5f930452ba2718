import { describe, expect, it } from 'vitest';
import {
  formToFilters,
  historyFiltersToSearch,
  matchesHistory,
  parseHistoryFilters,
  type HistoryEvent,
} from './history-filters';

const event = (over: Partial<HistoryEvent> = {}): HistoryEvent => ({
  position: 7,
  streamId: 'follow-up-0b0e1f7a-0000-4000-8000-000000000001',
  version: 2,
  type: 'FollowUpAcknowledged',
  metadata: { actor: 'p-kisa', role: 'agency_officer', agency: 'KISA' },
  recordedAt: '2026-11-18T03:00:00.000Z',
  ...over,
});

describe('the auditor’s history filters', () => {
  it('read back what they wrote, and drop what is malformed', () => {
    const filters = {
      type: 'FollowUpAccepted',
      stream: 'follow-up-0b0e1f7a-0000-4000-8000-000000000001',
      actor: 'p-kisa',
      from: '2026-11-18T00:00:00.000Z',
      to: '2026-11-19T00:00:00.000Z',
    };
    expect(parseHistoryFilters(historyFiltersToSearch(filters))).toEqual(filters);
    expect(parseHistoryFilters('type=drop;table&stream=../x&actor=a b&from=yesterday')).toEqual({});
    expect(historyFiltersToSearch({})).toBe('');
  });

  it('take the form’s times as Seoul wall-clock times', () => {
    expect(
      formToFilters({ type: ' ', stream: '', actor: '', from: '2026-11-18T09:00', to: '' }),
    ).toEqual({ from: '2026-11-18T00:00:00.000Z' });
  });

  it('sieve by type, stream, actor (or the person acted for) and time', () => {
    expect(matchesHistory(event(), {})).toBe(true);
    expect(matchesHistory(event(), { type: 'FollowUpAccepted' })).toBe(false);
    expect(matchesHistory(event(), { stream: 'workshop-x' })).toBe(false);
    expect(matchesHistory(event(), { actor: 'p-kisa' })).toBe(true);
    expect(matchesHistory(event(), { actor: 'p-other' })).toBe(false);
    expect(
      matchesHistory(event({ metadata: { actor: 'p-deputy', on_behalf_of: 'p-kisa' } }), {
        actor: 'p-kisa',
      }),
    ).toBe(true);
    expect(matchesHistory(event(), { from: '2026-11-18T03:00:00.000Z' })).toBe(true);
    expect(matchesHistory(event(), { from: '2026-11-18T03:00:01.000Z' })).toBe(false);
    expect(matchesHistory(event(), { to: '2026-11-18T03:00:00.000Z' })).toBe(false);
    expect(matchesHistory(event(), { to: '2026-11-18T03:00:01.000Z' })).toBe(true);
  });
});
