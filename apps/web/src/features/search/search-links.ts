import type { SearchItem } from './search.queries';

/** The page a result opens: a comment opens its task, a meeting its series at that meeting. */
export function searchHref(item: SearchItem): string {
  switch (item.kind) {
    case 'follow-up':
      return `/follow-ups/${item.id}`;
    case 'comment':
      return `/follow-ups/${item.followUpId ?? item.id}`;
    case 'workshop':
      return `/workshops/${item.id}`;
    case 'meeting-series':
      return `/meeting-series/${item.id}`;
    case 'meeting':
      return `/meeting-series/${item.seriesId ?? item.id}#meeting-${item.number ?? 1}`;
  }
}

/** The query string of the results page; an empty query stays out of the address. */
export function searchLocation(q: string, kind?: string): string {
  const params = new URLSearchParams();
  if (q.trim()) params.set('q', q.trim());
  if (kind) params.set('kind', kind);
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}
