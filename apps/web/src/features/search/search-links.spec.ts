import { describe, expect, it } from 'vitest';
import { searchHref, searchLocation } from './search-links';

const base = { title: 't', snippet: 's', workshopId: null, changedAt: '2026-11-18T00:00:00Z' };

describe('where a search result leads', () => {
  it('opens the task, the task of a comment, the workshop, the series', () => {
    expect(searchHref({ ...base, kind: 'follow-up', id: 'f1' })).toBe('/follow-ups/f1');
    expect(searchHref({ ...base, kind: 'comment', id: 'c1', followUpId: 'f1' })).toBe(
      '/follow-ups/f1',
    );
    expect(searchHref({ ...base, kind: 'workshop', id: 'w1' })).toBe('/workshops/w1');
    expect(searchHref({ ...base, kind: 'meeting-series', id: 's1' })).toBe('/meeting-series/s1');
  });

  it('opens a meeting at its place in the series', () => {
    expect(searchHref({ ...base, kind: 'meeting', id: 's1', seriesId: 's1', number: 2 })).toBe(
      '/meeting-series/s1#meeting-2',
    );
  });

  it('keeps the query in the address, trimmed, Korean included', () => {
    expect(searchLocation('  위협 정보 ')).toBe(
      `/search?q=${encodeURIComponent('위협 정보').replace(/%20/g, '+')}`,
    );
    expect(searchLocation('', 'comment')).toBe('/search?kind=comment');
    expect(searchLocation('   ')).toBe('/search');
  });
});
