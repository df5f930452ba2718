import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { loadConfig } from '../config';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's id when it is safe to log and store; otherwise a fresh one. */
export function incomingId(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && SAFE_ID.test(v) ? v : randomUUID();
}

export function correlationIdOf(req: IncomingMessage & { id?: unknown }): string {
  const header = req.headers[CORRELATION_ID_HEADER];
  return header ? incomingId(header) : String(req.id);
}

const LEVEL = loadConfig().logLevel;
/** Finished requests are logged at info, as pino-http does by default; 'silent' when the level
 * is above info, which spares building a line (and its bindings) that pino would drop. */
const REQUEST_LOG_LEVEL =
  (pino.levels.values[LEVEL] ?? Infinity) <= pino.levels.values.info ? 'info' : 'silent';

/**
 * A counterpart's answer link (`/respond/<token>`) is a credential for as long as it lives: the
 * token never reaches a log line, where anyone who reads the logs could answer with it.
 */
export function redactedUrl(url: string): string {
  return url.replace(/^\/respond\/[^/?#]+/, '/respond/[redacted]');
}

/** Structured JSON logs (pino) with a request id and a correlation id on every line. */
export const LiaisonLoggerModule = LoggerModule.forRoot({
  // One registration for every path; the default set logs prefix-excluded routes twice.
  forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
  pinoHttp: {
    level: LEVEL,
    genReqId: (req) => incomingId(req.headers[REQUEST_ID_HEADER]),
    customProps: (req) => ({
      correlationId: correlationIdOf(req as IncomingMessage & { id?: unknown }),
    }),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: redactedUrl(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: () => REQUEST_LOG_LEVEL,
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
  },
});
