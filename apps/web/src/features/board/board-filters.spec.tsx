import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../../test-setup';
import { boardQuery, filtersToSearch, parseFilters } from './board-filters';
import { BoardFiltersForm } from './BoardFiltersForm';

afterEach(cleanup);

describe('board filters in the address', () => {
  it('read back what they wrote', () => {
    const filters = {
      agency: 'KISA',
      status: 'submitted',
      overdue: true,
      sort: 'priority',
      order: 'desc',
      cursor: 'abc',
    } as const;
    expect(parseFilters(filtersToSearch(filters))).toEqual(filters);
  });

  it('leave defaults out and ignore what they do not know', () => {
    expect(filtersToSearch(parseFilters(''))).toBe('');
    expect(parseFilters('agency=kisa;drop&status=lost&sort=x&order=up')).toEqual({
      overdue: false,
      sort: 'dueAt',
      order: 'asc',
    });
  });

  it('become the API’s query', () => {
    expect(boardQuery(parseFilters('agency=FSI&status=declined&overdue=true'))).toEqual({
      limit: 20,
      sort: 'dueAt',
      order: 'asc',
      agency: 'FSI',
      status: ['declined'],
      overdue: true,
    });
  });
});

describe('BoardFiltersForm', () => {
  it('applies the chosen filters from the first page, every field labelled', async () => {
    const onApply = vi.fn();
    await renderIn(
      'ko',
      <BoardFiltersForm
        value={parseFilters('cursor=page2')}
        agencies={[{ code: 'KISA', name: 'KISA', kind: 'agency', active: true }]}
        onApply={onApply}
      />,
    );
    fireEvent.change(screen.getByLabelText('기관'), { target: { value: 'KISA' } });
    fireEvent.change(screen.getByLabelText('상태'), { target: { value: 'submitted' } });
    fireEvent.change(screen.getByLabelText('정렬 기준'), { target: { value: 'priority' } });
    fireEvent.click(screen.getByLabelText('기한 경과 과제만'));
    fireEvent.click(screen.getByRole('button', { name: '조회' }));
    expect(onApply).toHaveBeenCalledWith({
      agency: 'KISA',
      status: 'submitted',
      overdue: true,
      sort: 'priority',
      order: 'asc',
    });
  });
});
