import { createHash } from 'node:crypto';
import { hashApiKeySecret, newApiKey, parseApiKey } from './api-key-format';

describe('API key format', () => {
  it('makes lsk_<16 hex>_<43 base64url> keys that parse back, secrets with 256 random bits', () => {
    const { id, secret, key } = newApiKey();
    expect(key).toMatch(/^lsk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(key)).toEqual({ id, secret });
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(newApiKey().key).not.toBe(key);
  });

  it('parses a secret holding the separator (base64url has _)', () => {
    const secret = `${'_'.repeat(3)}${'a'.repeat(40)}`;
    expect(parseApiKey(`lsk_0123456789abcdef_${secret}`)).toEqual({
      id: '0123456789abcdef',
      secret,
    });
  });

  it.each([
    'lsk_',
    'lsk_0123_abc',
    `lsk_0123456789ABCDEF_${'a'.repeat(43)}`,
    `xsk_0123456789abcdef_${'a'.repeat(43)}`,
  ])('refuses %p', (token) => expect(parseApiKey(token)).toBeUndefined());

  it('stores SHA-256 of the secret', () => {
    expect(hashApiKeySecret('s').equals(createHash('sha256').update('s').digest())).toBe(true);
  });
});
