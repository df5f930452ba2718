import { describe, expect, it } from 'vitest';
import { boardReportUrl, progressReportUrl } from './report-urls';

describe('report addresses', () => {
  it('carry the board’s filters and sort, never its page', () => {
    const url = boardReportUrl(
      {
        agency: 'FSI',
        status: 'submitted',
        overdue: true,
        sort: 'priority',
        order: 'desc',
        cursor: 'abc',
      },
      'xlsx',
      'ko',
    );
    expect(url).toBe(
      '/v1/follow-ups/export.xlsx?agency=FSI&status=submitted&overdue=true&sort=priority&order=desc&lang=ko',
    );
  });

  it('leave out the filters not set', () => {
    expect(boardReportUrl({ overdue: false, sort: 'dueAt', order: 'asc' }, 'csv', 'en')).toBe(
      '/v1/follow-ups/export.csv?sort=dueAt&order=asc&lang=en',
    );
  });

  it('name the workshop of a progress report', () => {
    expect(progressReportUrl('w-1', 'csv', 'ko')).toBe('/v1/workshops/w-1/progress.csv?lang=ko');
  });
});
