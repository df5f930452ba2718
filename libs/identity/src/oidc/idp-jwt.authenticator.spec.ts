import { UnauthorizedException } from '@nestjs/common';
import { AuthRequest, TokenError } from '@liaison/platform';
import { IdpJwtAuthenticator } from './idp-jwt.authenticator';
import { IdpJwtVerifier } from './idp-jwt.verifier';

const request = (authorization?: string | string[]): AuthRequest => ({
  headers: { authorization },
  method: 'GET',
  url: '/v1/agencies',
});

function authenticator(verify: (token: string) => Promise<unknown>) {
  const verifier = { verify: jest.fn(verify) };
  return { verifier, auth: new IdpJwtAuthenticator(verifier as unknown as IdpJwtVerifier) };
}

describe('IdpJwtAuthenticator', () => {
  it.each([
    ['no header', undefined],
    ['another scheme', 'Basic abc'],
    ['the scheme alone', 'Bearer'],
    ['a repeated header', ['Bearer a', 'Bearer b']],
  ])('given %s, passes the request on without asking the verifier', async (_case, header) => {
    const { verifier, auth } = authenticator(async () => ({ id: 'x' }));
    expect(await auth.authenticate(request(header))).toBeUndefined();
    expect(verifier.verify).not.toHaveBeenCalled();
  });

  it("given a token that is not the IdP's, passes it on (an API key, an HS256 token)", async () => {
    const { verifier, auth } = authenticator(async () => undefined);
    expect(await auth.authenticate(request('Bearer lsk_abc'))).toBeUndefined();
    expect(verifier.verify).toHaveBeenCalledWith('lsk_abc');
  });

  it('given a good IdP token, is the caller', async () => {
    const user = { id: 'relay-bot', role: 'auditor', via: 'jwt' };
    const { auth } = authenticator(async () => user);
    expect(await auth.authenticate(request('Bearer t'))).toBe(user);
  });

  it('given a bad IdP token, 401 with the reason; another failure, 401 without internals', async () => {
    const bad = authenticator(async () => {
      throw new TokenError('token expired');
    }).auth;
    await expect(bad.authenticate(request('Bearer t'))).rejects.toEqual(
      new UnauthorizedException('token expired'),
    );
    const broken = authenticator(async () => {
      throw new TypeError('secret internals');
    }).auth;
    await expect(broken.authenticate(request('Bearer t'))).rejects.toEqual(
      new UnauthorizedException('invalid token'),
    );
  });
});
