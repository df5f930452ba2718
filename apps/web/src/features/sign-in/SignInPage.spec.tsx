import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLocation } from 'wouter/memory-location';
import { Router } from 'wouter';
import { renderIn } from '../../test-setup';
import { SignInPage } from './SignInPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The page with `GET /v1/session/oidc` answering `status`, at `/sign-in?next=…`. */
async function renderWithOidc(status: number, language: 'ko' | 'en' = 'ko') {
  const fetch = vi.fn(async (input: Request | string) => {
    const url = typeof input === 'string' ? input : input.url;
    if (url.endsWith('/v1/session/oidc')) {
      return new Response(status === 200 ? '{"start":"/v1/session/oidc/start"}' : '{}', {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }
    return new Response('{}', { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  const { hook, searchHook } = memoryLocation({ path: '/sign-in?next=/follow-ups/abc' });
  const client = new QueryClient();
  await renderIn(
    language,
    <QueryClientProvider client={client}>
      <Router hook={hook} searchHook={searchHook}>
        <SignInPage />
      </Router>
    </QueryClientProvider>,
  );
  return fetch;
}

describe('sign-in page: the IdP’s button', () => {
  it('is offered when the API has OIDC, back to the page asked for', async () => {
    await renderWithOidc(200);
    const link = await screen.findByRole('link', { name: '기관 통합 인증(SSO)으로 로그인' });
    expect(link.getAttribute('href')).toBe('/v1/session/oidc/start?returnTo=%2Ffollow-ups%2Fabc');
  });

  it('is absent when the API answers 404 (no OIDC)', async () => {
    const fetch = await renderWithOidc(404, 'en');
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('link', { name: /single sign-on/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
