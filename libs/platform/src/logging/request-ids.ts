import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's id when it is safe to log and store; otherwise a fresh one. */
export function incomingId(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && SAFE_ID.test(v) ? v : randomUUID();
}

/** The caller's correlation id when it sent one, else the request's own id. */
export function correlationIdOf(req: {
  headers: Record<string, string | string[] | undefined>;
  id: unknown;
}): string {
  const header = req.headers[CORRELATION_ID_HEADER];
  return header ? incomingId(header) : String(req.id);
}

/**
 * A counterpart's answer link (`/respond/<token>`) is a credential for as long as it lives: the
 * token never reaches a log line, where anyone who reads the logs could answer with it. An
 * auditor's `reason` (the export's, which a download link carries in its address) is free text
 * that may name people: it goes to the access log, not to every log line.
 */
export function redactedUrl(url: string): string {
  return url
    .replace(/^\/respond\/[^/?#]+/, '/respond/[redacted]')
    .replace(/([?&]reason=)[^&#]*/g, '$1[redacted]');
}
