/**
 * How a careful client talks to Liaison: every command carries an Idempotency-Key (also sent as
 * the correlation id, so its events can be found in the log), and an attempt that times out,
 * fails to connect, answers 5xx or finds the key still in use is sent again, same key and body,
 * to the other API. Every command and its final answer is kept for the invariants.
 */
export interface Answer {
  status: number;
  body: unknown;
  /** From a 429's or 503's Retry-After, in milliseconds. */
  retryAfterMs?: number;
}

export type Outcome = 'ok' | 'refused' | 'unanswered';

export interface CommandRecord {
  key: string;
  method: string;
  path: string;
  /** Sent with If-Match: a version conflict is then a fair refusal. */
  ifMatch: boolean;
  startedAt: number;
  finishedAt: number;
  attempts: number;
  outcome: Outcome;
  /** The final answer (none when unanswered). */
  final?: Answer;
  /** Which API gave the final answer. */
  api?: string;
}

export interface Attempt {
  api: string;
  /** When the answer (or the failure) arrived. */
  at: number;
  /** HTTP status, or 0 for a timeout or a refused connection. */
  status: number;
  /** From sending to the answer or the failure. */
  ms: number;
  command: boolean;
}

export interface TrafficLog {
  commands: CommandRecord[];
  attempts: Attempt[];
  /** When each API last answered a command 2xx. */
  lastSuccess: Map<string, number>;
}

const RETRYABLE_CONFLICTS = new Set(['IDEMPOTENCY_KEY_IN_USE']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The stable code of an error answer (`details.code`, as the API's error filter writes it). */
export function errorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const details = (body as { details?: unknown }).details;
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return undefined;
  const code = (details as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function retryable(answer: Answer): boolean {
  if (answer.status === 0 || answer.status >= 500 || answer.status === 429) return true;
  return answer.status === 409 && RETRYABLE_CONFLICTS.has(errorCode(answer.body) ?? '');
}

export class CommandClient {
  private sequence = 0;

  constructor(
    private readonly apis: readonly string[],
    private readonly log: TrafficLog,
    private readonly runId: string,
    private readonly timeoutMs: number,
    private readonly retryBudgetMs: number,
  ) {}

  private async attempt(
    api: string,
    method: string,
    path: string,
    token: string,
    headers: Record<string, string>,
    body: unknown,
    command: boolean,
  ): Promise<Answer> {
    const sent = Date.now();
    let answer: Answer;
    try {
      const res = await fetch(`${api}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      const retryAfter = Number(res.headers.get('retry-after'));
      answer = {
        status: res.status,
        body: parsed,
        ...(retryAfter > 0 && { retryAfterMs: retryAfter * 1000 }),
      };
    } catch {
      answer = { status: 0, body: undefined };
    }
    const at = Date.now();
    this.log.attempts.push({ api, at, status: answer.status, ms: at - sent, command });
    if (command && answer.status >= 200 && answer.status < 300) this.log.lastSuccess.set(api, at);
    return answer;
  }

  /** A command, retried until it has an answer or its budget runs out. `preferred` spreads
   * users over the APIs; retries alternate. */
  async command(
    preferred: number,
    method: string,
    path: string,
    token: string,
    body: unknown,
    ifMatch?: number,
  ): Promise<CommandRecord> {
    const key = `drill-${this.runId}-${++this.sequence}`;
    const headers: Record<string, string> = { 'idempotency-key': key, 'x-correlation-id': key };
    if (ifMatch !== undefined) headers['if-match'] = String(ifMatch);
    const record: CommandRecord = {
      key,
      method,
      path,
      ifMatch: ifMatch !== undefined,
      startedAt: Date.now(),
      finishedAt: 0,
      attempts: 0,
      outcome: 'unanswered',
    };
    this.log.commands.push(record);
    const deadline = record.startedAt + this.retryBudgetMs;
    for (let i = 0; ; i++) {
      const api = this.apis[(preferred + i) % this.apis.length];
      const answer = await this.attempt(api, method, path, token, headers, body, true);
      record.attempts++;
      if (!retryable(answer)) {
        record.final = answer;
        record.api = api;
        record.outcome = answer.status < 300 ? 'ok' : 'refused';
        break;
      }
      if (Date.now() + 200 > deadline) break;
      const backoff = answer.retryAfterMs ?? 100 * 2 ** Math.min(i, 4);
      await sleep(Math.min(backoff, 5_000, deadline - Date.now()));
    }
    record.finishedAt = Date.now();
    return record;
  }

  /** A read: tried on each API once; undefined when neither answered 2xx. */
  async read<T>(preferred: number, path: string, token: string): Promise<T | undefined> {
    for (let i = 0; i < this.apis.length; i++) {
      const api = this.apis[(preferred + i) % this.apis.length];
      const answer = await this.attempt(api, 'GET', path, token, {}, undefined, false);
      if (answer.status >= 200 && answer.status < 300) return answer.body as T;
      if (answer.status >= 400 && answer.status < 500) return undefined;
    }
    return undefined;
  }
}
