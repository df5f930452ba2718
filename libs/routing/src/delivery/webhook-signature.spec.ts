import { signWebhook, verifyWebhook } from './webhook-signature';

const secret = 'a-webhook-secret-of-some-length';
const body = '{"followUpId":"x"}';
const now = 1_760_000_000_000;
const ts = now / 1000;

describe('webhook signatures', () => {
  it('verifies what was signed', () => {
    expect(verifyWebhook(secret, String(ts), body, signWebhook(secret, ts, body), { now })).toBe(
      true,
    );
  });

  it('is an HMAC-SHA256 of timestamp.body in hex', () => {
    expect(signWebhook(secret, ts, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it.each([
    ['another body', secret, ts, '{"followUpId":"y"}'],
    ['another secret', 'not-the-secret-at-all-really', ts, body],
    ['another timestamp', secret, ts + 1, body],
  ])('refuses %s', (_what, key, signedAt, signedBody) => {
    const signature = signWebhook(key, signedAt, signedBody);
    expect(verifyWebhook(secret, String(ts), body, signature, { now })).toBe(false);
  });

  it('refuses a request older than the tolerance', () => {
    const signature = signWebhook(secret, ts, body);
    expect(verifyWebhook(secret, String(ts), body, signature, { now: now + 301_000 })).toBe(false);
  });
});
