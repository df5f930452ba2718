import { describe, expect, it } from 'vitest';
import {
  formToFilters,
  historyFiltersToSearch,
  historyQuery,
  parseHistoryFilters,
} from './history-filters';

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

  it('go to the API as its query, only those set', () => {
    expect(historyQuery({}, 100)).toEqual({ limit: 100 });
    expect(
      historyQuery(
        { type: 'FollowUpAccepted', actor: 'p-kisa', from: '2026-11-18T00:00:00.000Z' },
        50,
        '812:40',
      ),
    ).toEqual({
      limit: 50,
      after: '812:40',
      type: 'FollowUpAccepted',
      actor: 'p-kisa',
      from: '2026-11-18T00:00:00.000Z',
    });
  });
});
