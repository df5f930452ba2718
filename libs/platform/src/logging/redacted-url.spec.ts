import { redactedUrl } from './request-ids';

describe('redactedUrl', () => {
  it.each([
    ['/respond/abc.def.123.mac', '/respond/[redacted]'],
    ['/respond/abc.def.123.mac?lang=en', '/respond/[redacted]?lang=en'],
    ['/respond/abc.def.123.mac/acknowledge', '/respond/[redacted]/acknowledge'],
  ])('keeps a counterpart link token out of the log: %s', (url, logged) => {
    expect(redactedUrl(url)).toBe(logged);
  });

  it.each([
    ['/v1/audit/export?reason=%EC%A0%95%EA%B8%B0', '/v1/audit/export?reason=[redacted]'],
    ['/v1/audit/export?x=1&reason=audit&y=2', '/v1/audit/export?x=1&reason=[redacted]&y=2'],
  ])("keeps an auditor's free-text reason out of the log: %s", (url, logged) => {
    expect(redactedUrl(url)).toBe(logged);
  });

  it('leaves every other path as it is', () => {
    expect(redactedUrl('/v1/follow-ups/1?respond=x')).toBe('/v1/follow-ups/1?respond=x');
  });
});
