import { BadRequestException } from '@nestjs/common';
import { auditReasonOf } from './audit-reason-header';

const of = (value: string | string[] | undefined) =>
  auditReasonOf({ headers: { 'x-audit-reason': value } });

describe('X-Audit-Reason', () => {
  it('reads a plain reason as it came, trimmed', () => {
    expect(of('  quarterly review ')).toBe('quarterly review');
    expect(of(['first', 'second'])).toBe('first');
  });

  it('decodes a reason the browser percent-encoded (Korean cannot go in a header as is)', () => {
    const reason = '2026년 정기 감사: 이행 점검';
    expect(of(encodeURIComponent(reason))).toBe(reason);
  });

  it('keeps a plain reason with a lone percent sign', () => {
    expect(of('100% sure %zz')).toBe('100% sure %zz');
    expect(of('50%-done %E0%A4%A')).toBe('50%-done %E0%A4%A');
  });

  it('treats blank as absent, and refuses one too long naming the header', () => {
    expect(of(undefined)).toBeUndefined();
    expect(of('   ')).toBeUndefined();
    expect(of(encodeURIComponent('   '))).toBeUndefined();
    expect(() => of('x'.repeat(1001))).toThrow(BadRequestException);
    try {
      of('x'.repeat(1001));
    } catch (err) {
      expect((err as BadRequestException).getResponse()).toMatchObject({
        details: [{ field: 'X-Audit-Reason' }],
      });
    }
  });
});
