import { createHmac, timingSafeEqual } from 'node:crypto';
import { LinkIssued } from '../domain';

/**
 * A counterpart's link token: `<request id>.<link id>.<expiry>.<mac>`, the ids as 16 bytes in
 * base64url, the expiry in epoch seconds (base 36), the mac the first 16 bytes of an HMAC-SHA256
 * under COUNTERPART_LINK_SECRET over a versioned label and the three parts (128 bits: forging one
 * means guessing it). Compact because it is a path parameter (Fastify's limit is 100 characters)
 * and ends up in e-mails. The token names its request, so it is checked against the log without
 * a lookup table; the log holds the link's id and expiry only, never the token.
 */
const LABEL = 'liaison:counterpart-link:v1';
const ID = /^[A-Za-z0-9_-]{22}$/;
const EXP = /^[0-9a-z]{1,8}$/;
const MAC = /^[A-Za-z0-9_-]{22}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface LinkClaims {
  requestId: string;
  link: LinkIssued;
}

export function signLink(secret: Buffer, requestId: string, link: LinkIssued): string {
  const exp = Math.floor(Date.parse(link.expiresAt) / 1000);
  const parts = [compactId(requestId), compactId(link.linkId), exp.toString(36)];
  return `${parts.join('.')}.${mac(secret, parts)}`;
}

/**
 * The claims of an authentic token, or undefined for anything malformed or altered. Expiry is
 * the decider's business (it says "expired", which only an authentic link may learn).
 */
export function verifyLink(secret: Buffer, token: unknown): LinkClaims | undefined {
  if (typeof token !== 'string' || token.length > 100) return undefined;
  const parts = token.split('.');
  if (parts.length !== 4) return undefined;
  const [request, linkId, exp, given] = parts;
  if (!ID.test(request) || !ID.test(linkId) || !EXP.test(exp) || !MAC.test(given)) {
    return undefined;
  }
  const expected = Buffer.from(mac(secret, [request, linkId, exp]), 'utf8');
  if (!timingSafeEqual(expected, Buffer.from(given, 'utf8'))) return undefined;
  const requestId = uuidOf(request);
  const link = uuidOf(linkId);
  if (!requestId || !link) return undefined;
  return {
    requestId,
    link: { linkId: link, expiresAt: new Date(parseInt(exp, 36) * 1000).toISOString() },
  };
}

/** Links expire on a whole second: the token carries seconds, the log the same instant. */
export function linkExpiry(now: Date, ttlMs: number): string {
  return new Date(Math.floor((now.getTime() + ttlMs) / 1000) * 1000).toISOString();
}

function mac(secret: Buffer, parts: string[]): string {
  return createHmac('sha256', secret)
    .update(`${LABEL}\n${parts.join('\n')}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

function compactId(uuid: string): string {
  if (!UUID.test(uuid)) throw new Error(`not a uuid: ${uuid}`);
  return Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
}

function uuidOf(compact: string): string | undefined {
  const hex = Buffer.from(compact, 'base64url').toString('hex');
  if (hex.length !== 32) return undefined;
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  // Base64url has spare bits in its last character: only the canonical spelling is accepted.
  return compactId(uuid) === compact ? uuid : undefined;
}
