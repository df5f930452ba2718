import { randomUUID } from 'node:crypto';
import { linkExpiry, signLink, verifyLink } from './link-token';

const secret = Buffer.from('a-test-secret-of-at-least-thirty-two-characters');
const requestId = randomUUID();
const link = {
  linkId: randomUUID(),
  expiresAt: linkExpiry(new Date('2026-11-20T10:00:00.123Z'), 86_400_000),
};

describe('counterpart link token', () => {
  it('reads back what was signed', () => {
    expect(link.expiresAt).toBe('2026-11-21T10:00:00.000Z');
    expect(verifyLink(secret, signLink(secret, requestId, link))).toEqual({ requestId, link });
  });

  it('refuses a token with any part changed, another secret, or a malformed one', () => {
    const token = signLink(secret, requestId, link);
    const [r, l, e, m] = token.split('.');
    const other = randomUUID();
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A');
    for (const forged of [
      [other, l, e, m],
      [r, other, e, m],
      [r, l, (parseInt(e, 36) + 86_400).toString(36), m],
      [r, l, e, flip(m)],
    ]) {
      expect(verifyLink(secret, forged.join('.'))).toBeUndefined();
    }
    expect(
      verifyLink(Buffer.from('another-secret-of-at-least-thirty-two-chars'), token),
    ).toBeUndefined();
    for (const junk of [
      '',
      'x',
      `${token}.x`,
      token.replace(/\./g, '-'),
      42,
      undefined,
      'a'.repeat(500),
      token.slice(0, -1) + '~',
    ]) {
      expect(verifyLink(secret, junk)).toBeUndefined();
    }
  });
});
