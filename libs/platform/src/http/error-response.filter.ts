import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

/** Typed errors carry a stable `code`; this table is the only place that maps them to HTTP. */
const STATUS_BY_CODE: Record<string, number> = {
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  ALREADY_EXISTS: 409,
  CONCURRENCY_CONFLICT: 409,
  DUPLICATE_EVENT_ID: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  INVALID_INPUT: 422,
  INVALID_QUERY: 400,
  INVALID_APPEND: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

interface CodedError {
  code: string;
  message: string;
  field?: string;
  state?: string;
}

function isCoded(err: unknown): err is CodedError {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string';
}

/** Longer messages are cut: an answer's size never grows with what the caller sent. */
export const MAX_MESSAGE_CHARS = 2000;

function body(statusCode: number, text: string, details?: unknown): ErrorBody {
  const error = STATUS_CODES[statusCode] ?? 'Error';
  const message = text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
  return details === undefined
    ? { statusCode, error, message }
    : { statusCode, error, message, details };
}

/** Errors become `{statusCode, error, message, details?}`; nothing unexpected leaks its text. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof HttpException) {
    const response = err.getResponse();
    if (typeof response === 'object' && response !== null) {
      const r = response as { message?: unknown; details?: unknown };
      const message = Array.isArray(r.message)
        ? r.message.join('; ')
        : String(r.message ?? err.message);
      return body(err.getStatus(), message, r.details);
    }
    return body(err.getStatus(), String(response));
  }
  if (isCoded(err) && STATUS_BY_CODE[err.code]) {
    const { code, field, state } = err;
    const details = { code, ...(field ? { field } : {}), ...(state ? { state } : {}) };
    return body(STATUS_BY_CODE[err.code], err.message, details);
  }
  // Fastify's own errors: malformed JSON, body too large, wrong content type.
  const fastifyStatus = (err as { statusCode?: unknown })?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return body(fastifyStatus, (err as Error).message);
  }
  return body(500, 'Internal server error');
}

@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<{ status(code: number): { send(b: unknown): void } }>();
    const response = toErrorBody(err);
    // The request's id ties the line to the access line and to the events' causation.
    if (response.statusCode >= 500) {
      this.logger.error({ err, req: { id: http.getRequest<{ id?: unknown }>().id } });
    }
    reply.status(response.statusCode).send(response);
  }
}
