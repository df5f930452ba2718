import { LoggerService } from '@nestjs/common';
import pino, { Logger as Pino } from 'pino';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Nest's exception handlers call `error(message, stack)`: the stack is not a context. */
const STACK = /\n\s*at /;

/**
 * Nest's logger over pino: structured JSON lines, the caller's context (the last optional
 * parameter, as Nest passes it) in `context`, an Error in `err`.
 *
 * No per-request logger: binding one per request needs AsyncLocalStorage, which in Node 20
 * turns on promise hooks for every promise of every request and cost 12–15 % of the API's CPU
 * under `bench:api`. The request's id is on its access line and on the error filter's line
 * instead (request-log.ts, ErrorResponseFilter); lines deeper in a command do not carry it.
 */
export class LiaisonLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  static create(level: string): LiaisonLogger {
    return new LiaisonLogger(pino({ level }));
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const [first] = params;
    if (params.length === 1 && typeof first === 'string' && STACK.test(first)) {
      const err = new Error(String(message));
      err.stack = first;
      return this.pino[level]({ err });
    }
    // Nest passes the context last; parameters between the message and it are not logged.
    const fields: Record<string, unknown> =
      params.length > 0 ? { context: params[params.length - 1] } : {};
    if (message instanceof Error) return this.pino[level]({ ...fields, err: message });
    if (typeof message === 'object' && message !== null) {
      return this.pino[level]({ ...fields, ...message });
    }
    this.pino[level](fields, String(message));
  }
}
