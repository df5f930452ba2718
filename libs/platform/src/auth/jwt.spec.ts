import jwt from 'jsonwebtoken';
import { signToken, TokenError, VerifiedTokenCache, verifyToken } from './jwt';

const secret = 'x'.repeat(40);
const now = () => Math.floor(Date.now() / 1000);

describe('verifyToken', () => {
  it('accepts a valid HS256 token and returns the user', () => {
    const token = signToken(
      { sub: 'u1', role: 'agency_officer', agency: 'KISA', name: 'Kim' },
      secret,
    );
    expect(verifyToken(token, secret)).toEqual({
      id: 'u1',
      role: 'agency_officer',
      agency: 'KISA',
      name: 'Kim',
    });
  });

  it.each([
    [
      'expired',
      () => signToken({ sub: 'u', role: 'auditor', expiresIn: '-1s' }, secret),
      'expired',
    ],
    [
      'signed with another secret',
      () => signToken({ sub: 'u', role: 'auditor' }, 'y'.repeat(40)),
      'signature',
    ],
    [
      'unsigned (alg none)',
      () => jwt.sign({ sub: 'u', role: 'auditor' }, '', { algorithm: 'none', expiresIn: '1h' }),
      'signature',
    ],
    [
      'signed with HS512',
      () =>
        jwt.sign({ sub: 'u', role: 'auditor' }, secret, { algorithm: 'HS512', expiresIn: '1h' }),
      'signature',
    ],
    [
      'of an unknown role',
      () => jwt.sign({ sub: 'u', role: 'root' }, secret, { expiresIn: '1h' }),
      'role',
    ],
    [
      'of an officer without agency',
      () => jwt.sign({ sub: 'u', role: 'agency_officer' }, secret, { expiresIn: '1h' }),
      'agency',
    ],
    ['without exp', () => jwt.sign({ sub: 'u', role: 'auditor' }, secret), 'exp'],
    [
      'expiring in the year 3000',
      () => jwt.sign({ sub: 'u', role: 'auditor', exp: 32_503_680_000 }, secret),
      'lifetime',
    ],
    [
      'living longer than the maximum',
      () => signToken({ sub: 'u', role: 'auditor', expiresIn: '25h' }, secret),
      'lifetime exceeds 86400',
    ],
    [
      'issued in the future',
      () => jwt.sign({ sub: 'u', role: 'auditor', iat: now() + 3600 }, secret, { expiresIn: '1h' }),
      'iat is in the future',
    ],
    [
      'without iat',
      () => jwt.sign({ sub: 'u', role: 'auditor' }, secret, { expiresIn: '1h', noTimestamp: true }),
      'iat',
    ],
  ])('refuses a token %s', (_label, make, reason) => {
    expect(() => verifyToken(make(), secret)).toThrow(TokenError);
    expect(() => verifyToken(make(), secret)).toThrow(reason);
  });
});

describe('token lifetime', () => {
  it('accepts a token up to the configured maximum, and a signer a little ahead', () => {
    const week = signToken({ sub: 'u', role: 'auditor', expiresIn: '7d' }, secret);
    expect(() => verifyToken(week, secret)).toThrow('lifetime');
    expect(verifyToken(week, secret, 7 * 86_400).id).toBe('u');
    const ahead = jwt.sign({ sub: 'u', role: 'auditor', iat: now() + 30 }, secret, {
      expiresIn: '1h',
    });
    expect(verifyToken(ahead, secret).id).toBe('u');
  });

  it('is enforced by the cache too', () => {
    const cache = new VerifiedTokenCache(10, 3600);
    const long = signToken({ sub: 'u', role: 'auditor', expiresIn: '2h' }, secret);
    expect(() => cache.verify(long, secret)).toThrow('lifetime');
    expect(cache.size).toBe(0);
  });
});

describe('VerifiedTokenCache', () => {
  const officer = { sub: 'u1', role: 'agency_officer' as const, agency: 'KISA' };

  it('answers a remembered token like verifyToken, with a fresh user each time', () => {
    const cache = new VerifiedTokenCache();
    const token = signToken(officer, secret);
    const first = cache.verify(token, secret);
    const second = cache.verify(token, secret);
    expect(second).toEqual(verifyToken(token, secret));
    expect(second).not.toBe(first);
    second.role = 'admin';
    expect(cache.verify(token, secret).role).toBe('agency_officer');
    expect(cache.size).toBe(1);
  });

  it('refuses a remembered token from its exp on', () => {
    const cache = new VerifiedTokenCache();
    const token = signToken({ ...officer, expiresIn: '60s' }, secret);
    const { exp } = jwt.decode(token) as { exp: number };
    expect(cache.verify(token, secret, exp * 1000 - 1).id).toBe('u1');
    expect(() => cache.verify(token, secret, exp * 1000)).toThrow('expired');
    expect(cache.size).toBe(0);
  });

  it('refuses a remembered token under another secret', () => {
    const cache = new VerifiedTokenCache();
    const token = signToken(officer, secret);
    cache.verify(token, secret);
    expect(() => cache.verify(token, 'y'.repeat(40))).toThrow('signature');
  });

  it('never remembers a refusal', () => {
    const cache = new VerifiedTokenCache();
    const none = jwt.sign({ sub: 'u', role: 'auditor' }, '', {
      algorithm: 'none',
      expiresIn: '1h',
    });
    const expired = signToken({ ...officer, expiresIn: '-1s' }, secret);
    for (let i = 0; i < 2; i++) {
      expect(() => cache.verify(none, secret)).toThrow('signature');
      expect(() => cache.verify(expired, secret)).toThrow('expired');
    }
    expect(cache.size).toBe(0);
  });

  it('does not remember a token with nbf', () => {
    const cache = new VerifiedTokenCache();
    const token = jwt.sign({ ...officer }, secret, { expiresIn: '1h', notBefore: 0 });
    expect(cache.verify(token, secret).id).toBe('u1');
    expect(cache.size).toBe(0);
  });

  it('stays within its capacity, dropping the oldest token', () => {
    const cache = new VerifiedTokenCache(2);
    const tokens = ['a', 'b', 'c'].map((sub) => signToken({ ...officer, sub }, secret));
    for (const t of tokens) cache.verify(t, secret);
    expect(cache.size).toBe(2);
    expect(tokens.map((t) => cache.verify(t, secret).id)).toEqual(['a', 'b', 'c']);
  });
});
