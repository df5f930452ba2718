/**
 * What the clients were told against what the log holds. A command's key is also its
 * correlation id, so the events a command wrote are those people (not the system) wrote under
 * its key; one command is one append, so they share one transaction.
 */
import { CommandRecord, errorCode } from '../command-client';
import { InvariantResult, Tally } from './invariant';
import { LoggedEvent } from './log-reader';

/** The stream a command's path writes to, given its answer (a new id is in the answer). */
export function streamOf(path: string, body: Record<string, unknown>): string | undefined {
  const parts = path.split('/').filter(Boolean); // v1, workshops|follow-ups, id?, verb?
  const id = parts[2] ?? body.id;
  if (typeof id !== 'string') return undefined;
  if (parts[1] === 'workshops') return `workshop-${id}`;
  if (parts[1] === 'follow-ups') return `follow-up-${id}`;
  return undefined;
}

export function commandChecks(
  commands: readonly CommandRecord[],
  written: readonly LoggedEvent[],
  atPosition: ReadonlyMap<number, LoggedEvent>,
): InvariantResult[] {
  const byKey = new Map<string, LoggedEvent[]>();
  for (const e of written) {
    if (e.role === 'system') continue; // routing and timers carry the key on as correlation
    const list = byKey.get(e.correlationId) ?? [];
    list.push(e);
    byKey.set(e.correlationId, list);
  }

  const inLog = new Tally('every 2xx answer in the log at its version');
  const refusedClean = new Tally('no refused command applied');
  const once = new Tally('no command applied twice');
  const answered = new Tally('every command answered');
  const noConflict = new Tally('no version conflict without If-Match');

  for (const c of commands) {
    const events = byKey.get(c.key) ?? [];
    const transactions = new Set(events.map((e) => e.transactionId));
    once.check(transactions.size <= 1, () => {
      const streams = [...new Set(events.map((e) => e.streamId))].join(', ');
      return `${c.key} ${c.path}: applied in ${transactions.size} transactions (${streams})`;
    });
    answered.check(c.outcome !== 'unanswered', () => {
      const applied = events.length > 0 ? 'applied' : 'not applied';
      return `${c.key} ${c.path}: no answer after ${c.attempts} attempts (${applied})`;
    });
    if (c.outcome === 'ok') {
      const body = (c.final!.body ?? {}) as Record<string, unknown>;
      const stream = streamOf(c.path, body);
      const e = atPosition.get(Number(body.position));
      inLog.check(
        e !== undefined &&
          e.streamId === stream &&
          e.version === body.version &&
          e.correlationId === c.key,
        () =>
          `${c.key} ${c.path}: answered ${stream}@${body.version} (position ${body.position}); ` +
          (e ? `log has ${e.streamId}@${e.version} by ${e.correlationId}` : 'not in the log'),
      );
    }
    if (c.outcome === 'refused') {
      const status = c.final!.status;
      const code = errorCode(c.final!.body);
      refusedClean.check(
        events.length === 0,
        () => `${c.key} ${c.path}: answered ${status} ${code ?? ''} but its events are in the log`,
      );
    }
    if (!c.ifMatch) {
      const conflict =
        c.outcome === 'refused' && errorCode(c.final!.body) === 'CONCURRENCY_CONFLICT';
      noConflict.check(!conflict, () => `${c.key} ${c.path}: 409 CONCURRENCY_CONFLICT`);
    }
  }
  return [inLog, once, refusedClean, answered, noConflict].map((t) => t.result());
}
