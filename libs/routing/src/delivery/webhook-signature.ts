import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-liaison-signature';
export const TIMESTAMP_HEADER = 'x-liaison-timestamp';
export const DELIVERY_HEADER = 'x-liaison-delivery';

/**
 * HMAC-SHA256 over `${timestamp}.${body}`, as `sha256=<hex>`. The timestamp (unix seconds) is
 * signed too, so a receiver can refuse a replayed request by its age.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `sha256=${mac}`;
}

/** What a receiver does: recompute, compare in constant time, and check the age. */
export function verifyWebhook(
  secret: string,
  timestampHeader: string,
  body: string,
  signatureHeader: string,
  { toleranceSeconds = 300, now = Date.now() }: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const timestamp = Number(timestampHeader);
  if (!Number.isInteger(timestamp)) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signatureHeader);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
