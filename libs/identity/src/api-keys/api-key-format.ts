import { createHash, randomBytes } from 'node:crypto';

/** `lsk_<id>_<secret>`: the id (16 hex digits) finds the row; the secret proves the holder. */
const API_KEY = /^lsk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  id: string;
  secret: string;
}

export function parseApiKey(token: string): ParsedApiKey | undefined {
  const match = API_KEY.exec(token);
  return match ? { id: match[1], secret: match[2] } : undefined;
}

export function isApiKeyShaped(token: string): boolean {
  return token.startsWith('lsk_');
}

/** A new key: 64 random bits of id, 256 random bits of secret. */
export function newApiKey(): ParsedApiKey & { key: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, key: `lsk_${id}_${secret}` };
}

/**
 * SHA-256, not Argon2: a password needs a slow hash because people choose guessable ones, but
 * this secret is 256 random bits, which no amount of hashing speed makes guessable. A fast hash
 * keeps a key's check per request at microseconds, and a copy of the table still yields no key.
 */
export function hashApiKeySecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
