import { BadRequestException } from '@nestjs/common';

export const AUDIT_REASON_HEADER = 'x-audit-reason';

export type HeaderCarrier = { headers: Record<string, string | string[] | undefined> };

const MAX_REASON = 1000;

/**
 * Why an auditor reads a restricted or confidential item, from `X-Audit-Reason`. A header
 * carries only Latin-1, so a browser sends a reason in Korean percent-encoded as UTF-8
 * (`encodeURIComponent`); it is decoded here, and a value that is not such an encoding is kept
 * as it came (curl with a plain reason). Absent or blank: undefined.
 */
export function auditReasonOf(request: HeaderCarrier): string | undefined {
  const header = request.headers[AUDIT_REASON_HEADER];
  const raw = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!raw) return undefined;
  let reason = raw;
  if (/%[0-9A-Fa-f]{2}/.test(raw)) {
    try {
      reason = decodeURIComponent(raw).trim();
    } catch {
      reason = raw; // a lone "%" in a plain reason
    }
  }
  if (reason.length > MAX_REASON) {
    throw new BadRequestException({
      message: `X-Audit-Reason must be at most ${MAX_REASON} characters`,
      details: [
        { field: 'X-Audit-Reason', problems: [`must be at most ${MAX_REASON} characters`] },
      ],
    });
  }
  return reason || undefined;
}

/**
 * The refusal of a classified read without a reason: 400 naming the header, nothing returned.
 * `why` says what was classified when it is more than the one item asked for.
 */
export function auditReasonRequired(
  why = 'to read a restricted or confidential item: say why you read it',
): BadRequestException {
  return new BadRequestException({
    message: `X-Audit-Reason is required ${why}`,
    details: [{ field: 'X-Audit-Reason', problems: ['must not be empty'] }],
  });
}
