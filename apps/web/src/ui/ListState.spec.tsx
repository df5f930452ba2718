import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderIn } from '../test-setup';
import { ListState } from './ListState';

afterEach(cleanup);

const read = (state: 'error' | 'pending' | 'success') => ({
  isError: state === 'error',
  isPending: state === 'pending',
  error: new Error('boom'),
  refetch: () => Promise.resolve(),
});

const list = (items: string[]) => (
  <ul>
    {items.map((i) => (
      <li key={i}>{i}</li>
    ))}
  </ul>
);

describe('ListState', () => {
  it('says it is loading, then why it failed with a retry', async () => {
    await renderIn(
      'ko',
      <ListState read={read('pending')} items={undefined}>
        {list}
      </ListState>,
    );
    expect(screen.getByRole('status').textContent).toBeTruthy();
    cleanup();
    await renderIn(
      'ko',
      <ListState read={read('error')} items={undefined}>
        {list}
      </ListState>,
    );
    expect(screen.getByRole('alert').textContent).toContain('boom');
    expect(screen.getByRole('button')).toBeTruthy();
  });

  it('says an empty list in words, aloud only when asked, and draws the rest', async () => {
    await renderIn(
      'ko',
      <ListState read={read('success')} items={[]} empty="없습니다">
        {list}
      </ListState>,
    );
    expect(screen.getByText('없습니다').getAttribute('role')).toBeNull();
    cleanup();
    await renderIn(
      'ko',
      <ListState read={read('success')} items={[]} empty="없습니다" announceEmpty>
        {list}
      </ListState>,
    );
    expect(screen.getByRole('status').textContent).toBe('없습니다');
    cleanup();
    await renderIn(
      'ko',
      <ListState read={read('success')} items={['KISA']} empty="없습니다">
        {list}
      </ListState>,
    );
    expect(screen.getByRole('listitem').textContent).toBe('KISA');
  });
});
