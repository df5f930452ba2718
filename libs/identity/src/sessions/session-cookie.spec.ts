import { AuthRequest } from '@liaison/platform';
import {
  clearedSessionCookie,
  hasSessionCookie,
  sessionCookie,
  sessionIdOf,
} from './session-cookie';

const id = 'A'.repeat(43);
const request = (cookie?: string | string[]): AuthRequest => ({
  headers: { cookie },
  method: 'GET',
  url: '/v1/me',
});

describe('the session cookie', () => {
  it('reads the id among other cookies', () => {
    expect(sessionIdOf(request(`theme=dark; liaison_session=${id}; lang=ko`))).toBe(id);
    expect(hasSessionCookie(request(`liaison_session=${id}`))).toBe(true);
  });

  it.each<[string, string | string[] | undefined]>([
    ['no cookie header', undefined],
    ['another cookie only', 'liaison_dashboard=abc'],
    ['a malformed id', 'liaison_session=not-an-id'],
    ['a token where the id goes', `liaison_session=${id}.${id}`],
    ['the cookie twice', `liaison_session=${id}; liaison_session=${'B'.repeat(43)}`],
    ['a repeated header', [`liaison_session=${id}`, `liaison_session=${id}`]],
  ])('finds no id with %s', (_case, cookie) => {
    expect(sessionIdOf(request(cookie))).toBeUndefined();
  });

  it('is HttpOnly, SameSite=Lax, Path=/, Secure only when asked', () => {
    expect(sessionCookie(id, { secure: false, maxAgeS: 60 })).toBe(
      `liaison_session=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60`,
    );
    expect(sessionCookie(id, { secure: true, maxAgeS: 60 })).toMatch(/; Secure$/);
    expect(clearedSessionCookie(true)).toBe(
      'liaison_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure',
    );
  });
});
