import jwt from 'jsonwebtoken';
import { signToken, TokenError, verifyToken } from './jwt';

const secret = 'x'.repeat(40);

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
  ])('refuses a token %s', (_label, make, reason) => {
    expect(() => verifyToken(make(), secret)).toThrow(TokenError);
    expect(() => verifyToken(make(), secret)).toThrow(reason);
  });
});
