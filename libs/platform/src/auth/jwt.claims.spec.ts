/** The claims' edges, on a fixed clock (VerifiedTokenCache.verify takes `nowMs`). */
import jwt from 'jsonwebtoken';
import crypto from 'node:crypto';
import { TokenError, VerifiedTokenCache } from './jwt';

const secret = 'c'.repeat(40);
const NOW_S = 1_750_000_000;
const at = (seconds: number) => seconds * 1000;
const sign = (claims: object) => jwt.sign(claims, secret, { algorithm: 'HS256' });
const token = (claims: object = {}) =>
  sign({ sub: 'u', role: 'auditor', iat: NOW_S, exp: NOW_S + 3600, ...claims });

function refusal(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(TokenError);
    return (error as Error).message;
  }
  throw new Error('expected the token to be refused');
}

describe('VerifiedTokenCache saves the verification', () => {
  afterEach(() => jest.restoreAllMocks());

  it('given a remembered token, then its signature is not checked again', () => {
    const cache = new VerifiedTokenCache(10, 86_400);
    const t = token();
    const check = jest.spyOn(jwt, 'verify');
    expect(cache.verify(t, secret, at(NOW_S)).id).toBe('u');
    expect(cache.verify(t, secret, at(NOW_S + 1)).id).toBe('u');
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('given one secret, then its key object is made once, not per token', () => {
    const made = jest.spyOn(crypto, 'createSecretKey');
    const other = 'o'.repeat(40);
    const sign2 = (sub: string) =>
      jwt.sign({ sub, role: 'auditor', iat: NOW_S, exp: NOW_S + 60 }, other);
    const cache = new VerifiedTokenCache(10, 86_400);
    cache.verify(sign2('a'), other, at(NOW_S));
    cache.verify(sign2('b'), other, at(NOW_S));
    expect(made).toHaveBeenCalledTimes(1);
  });
});

describe('TokenError', () => {
  it('is named for the logs', () => {
    expect(new TokenError('x').name).toBe('TokenError');
  });
});

describe('token claims', () => {
  const verify = (t: string, maxLifetimeS = 86_400) =>
    new VerifiedTokenCache(10, maxLifetimeS).verify(t, secret, at(NOW_S));

  it('given a token whose payload is a string, then it is refused', () => {
    expect(refusal(() => verify(sign('just text' as unknown as object)))).toBe(
      'token payload is not an object',
    );
  });

  it.each<[string, object]>([
    ['an empty sub', { sub: '' }],
    ['no sub', { sub: undefined }],
    ['a numeric sub', { sub: 42 }],
  ])('given %s, then "claim sub is missing"', (_case, claims) => {
    expect(refusal(() => verify(token(claims)))).toBe('claim sub is missing');
  });

  it('given an iat 60 s ahead, then accepted; 61 s ahead, then refused', () => {
    expect(verify(token({ iat: NOW_S + 60, exp: NOW_S + 3600 })).id).toBe('u');
    expect(refusal(() => verify(token({ iat: NOW_S + 61, exp: NOW_S + 3600 })))).toBe(
      'claim iat is in the future',
    );
  });

  it('given a lifetime of exactly the maximum, then accepted; a second more, then refused', () => {
    expect(verify(token({ exp: NOW_S + 3600 }), 3600).id).toBe('u');
    expect(refusal(() => verify(token({ exp: NOW_S + 3601 }), 3600))).toBe(
      'token lifetime exceeds 3600 seconds',
    );
  });

  it('given an unknown role, then the refusal lists the roles', () => {
    expect(refusal(() => verify(token({ role: 'root' })))).toBe(
      'claim role must be one of bureau_head, agency_officer, auditor, admin, records_officer',
    );
  });

  it.each(['bureau_head', 'agency_officer'])(
    'given a %s, then an agency code is required and must be well formed',
    (role) => {
      for (const agency of [
        undefined,
        42,
        '',
        'K',
        'kisa',
        'KISA!',
        '!KISA',
        '1KISA',
        'A'.repeat(17),
      ]) {
        expect(refusal(() => verify(token({ role, agency })))).toBe(
          'claim agency is missing or malformed',
        );
      }
      for (const agency of ['KI', 'KISA', 'AI_SAFETY_2', 'A'.repeat(16)]) {
        expect(verify(token({ role, agency })).agency).toBe(agency);
      }
    },
  );

  it.each(['auditor', 'admin'])('given an %s, then no agency is needed', (role) => {
    expect(verify(token({ role }))).toEqual({
      id: 'u',
      role,
      name: undefined,
      agency: undefined,
    });
  });

  it('given an agency that only prints as a code (an array), then refused', () => {
    expect(refusal(() => verify(token({ role: 'bureau_head', agency: ['KISA'] })))).toBe(
      'claim agency is missing or malformed',
    );
  });

  it('given claims of the wrong type, then the user carries none of them', () => {
    const user = verify(token({ name: 7, agency: 9 }));
    expect(user.name).toBeUndefined();
    expect(user.agency).toBeUndefined();
  });

  it('given a name, then the user carries it', () => {
    expect(verify(token({ name: 'Kim' })).name).toBe('Kim');
  });
});
