import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';

afterEach(cleanup);

describe('DataTable', () => {
  it('is named by its caption, heads each column, and scrolls in a box of its own', () => {
    const { container } = render(
      <DataTable caption="기관별 웹훅" columns={['기관', '상태']}>
        <tr>
          <th scope="row">KISA</th>
          <td>전달 중</td>
        </tr>
      </DataTable>,
    );
    const table = screen.getByRole('table', { name: '기관별 웹훅' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => [th.textContent, th.getAttribute('scope')]),
    ).toEqual([
      ['기관', 'col'],
      ['상태', 'col'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'KISA' })).toBeTruthy();
    expect(container.firstElementChild?.className).toBe('table-wrap');
    expect(table.className).toBe('data-table');
    expect(table.querySelector('caption')?.hasAttribute('class')).toBe(false);
  });

  it('hides its caption from sight only, and aligns cells to the top when asked', () => {
    render(
      <DataTable caption="안건" columns={['제목']} captionHidden topAligned>
        {null}
      </DataTable>,
    );
    const table = screen.getByRole('table', { name: '안건' });
    expect(table.querySelector('caption')?.className).toBe('visually-hidden');
    expect(table.className).toBe('data-table top-aligned');
  });
});
