import { clearedFlowCookie, cookieValue, FLOW_COOKIE, flowCookie } from './oidc-cookies';

describe('the OIDC flow cookie', () => {
  it('is HttpOnly, SameSite=Lax, scoped to the OIDC routes, Secure over HTTPS', () => {
    expect(flowCookie('abc', 600, false)).toBe(
      'liaison_oidc=abc; Path=/v1/session/oidc; Max-Age=600; HttpOnly; SameSite=Lax',
    );
    expect(flowCookie('abc', 600, true)).toMatch(/; Secure$/);
    expect(clearedFlowCookie(false)).toMatch(
      /^liaison_oidc=; Path=\/v1\/session\/oidc; Max-Age=0;/,
    );
  });

  it.each<[string | undefined, string | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['liaison_session=s', undefined],
    ['liaison_oidc=', undefined],
    ['liaison_oidc=abc', 'abc'],
    ['a=1; liaison_oidc=abc-_9 ; b=2', 'abc-_9'],
    ['xliaison_oidc=evil; liaison_oidc=good', 'good'],
  ])('reads %p as %p', (header, expected) => {
    expect(cookieValue(header, FLOW_COOKIE)).toBe(expected);
  });
});
