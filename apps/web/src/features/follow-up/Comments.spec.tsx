import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../../test-setup';
import { CommentsPanel } from './Comments';

// openapi-fetch keeps the fetch it found when the client module loaded: one stand-in, set first.
const network = vi.hoisted(() => {
  const state = { answer: (_: Request): Promise<Response> => Promise.reject(new Error('offline')) };
  globalThis.fetch = (input) => state.answer(input as Request);
  return state;
});

afterEach(cleanup);

/** The panel of task `t1` over a fetch that lists `items` and records every comment posted. */
async function renderPanel(language: 'ko' | 'en', items: unknown[] = []) {
  const posted: unknown[] = [];
  network.answer = async (input) => {
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    if (input.method === 'POST') {
      posted.push(await input.json());
      return json({ streamId: 'follow-up-t1', version: 2, position: 7 });
    }
    return json({ items, people: {} });
  };
  await renderIn(
    language,
    <QueryClientProvider client={new QueryClient()}>
      <CommentsPanel id="t1" viewerId="p-me" />
    </QueryClientProvider>,
  );
  return posted;
}

describe('comments: the personal mark', () => {
  it('sends personal: true only when 개인정보 포함 is ticked, and clears the tick after sending', async () => {
    const posted = await renderPanel('ko');
    const field = screen.getByLabelText(/의견 내용/);
    const personal = screen.getByRole('checkbox', { name: '개인정보 포함' });
    expect(personal.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      document.getElementById(personal.getAttribute('aria-describedby')!)?.textContent,
    ).toMatch(/암호화하여 저장/);

    fireEvent.change(field, { target: { value: '수술 일정으로 다음 주 부재합니다' } });
    fireEvent.click(personal);
    fireEvent.submit(field.closest('form')!);
    await screen.findByText('의견이 등록되었습니다.');
    expect(posted).toEqual([{ body: '수술 일정으로 다음 주 부재합니다', personal: true }]);
    expect((personal as HTMLInputElement).checked).toBe(false);

    fireEvent.change(field, { target: { value: '검토 완료했습니다' } });
    fireEvent.submit(field.closest('form')!);
    await waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]).toEqual({ body: '검토 완료했습니다' });
  });

  it('marks a personal comment in the list, in English too', async () => {
    await renderPanel('en', [
      {
        commentId: 'c1',
        at: '2026-11-20T01:00:00Z',
        author: { id: 'p-me', role: 'agency_officer', agency: 'KISA' },
        body: 'Away next week for surgery',
        personal: true,
      },
    ]);
    await screen.findByText('Away next week for surgery');
    expect(screen.getByText('Personal').className).toBe('badge');
    expect(screen.getByRole('checkbox', { name: 'Contains personal information' })).toBeTruthy();
  });
});
