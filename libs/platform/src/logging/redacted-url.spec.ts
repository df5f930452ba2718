import { redactedUrl } from './request-ids';

describe('redactedUrl', () => {
  it.each([
    ['/respond/abc.def.123.mac', '/respond/[redacted]'],
    ['/respond/abc.def.123.mac?lang=en', '/respond/[redacted]?lang=en'],
    ['/respond/abc.def.123.mac/acknowledge', '/respond/[redacted]/acknowledge'],
  ])('keeps a counterpart link token out of the log: %s', (url, logged) => {
    expect(redactedUrl(url)).toBe(logged);
  });

  it('leaves every other path as it is', () => {
    expect(redactedUrl('/v1/follow-ups/1?respond=x')).toBe('/v1/follow-ups/1?respond=x');
  });
});
