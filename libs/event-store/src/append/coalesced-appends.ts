import type { Pool } from 'pg';
import { Coalescer } from '@liaison/platform';
import type { AppendResult } from '../event.types';
import type { NotifyThrottle } from '../notify-throttle';
import type { PreparedAppend } from './append-input';
import { Appender, isRetryableAlone, toAppendResult } from './appender';

/**
 * Concurrent single-event appends, coalesced: those of one turn of the event loop go to Postgres
 * in one statement (one round trip, one commit for all). Only the first append of each stream
 * joins it; any later append of the same stream runs on its own afterwards, so it sees the first
 * one's outcome (with a single stream in the turn, every append simply runs on its own). Should
 * the shared statement fail on a conflict (a racing writer, an event id stored before, a
 * deadlock), every append of it runs again on its own, and each caller gets exactly the answer
 * it would have had alone.
 */
export class CoalescedAppends {
  private readonly coalescer = new Coalescer<PreparedAppend, AppendResult>((items) =>
    this.appendSingles(items),
  );

  constructor(
    private readonly pool: Pool,
    private readonly appender: Appender,
    private readonly notifier: NotifyThrottle,
  ) {}

  submit(append: PreparedAppend): Promise<AppendResult> {
    return this.coalescer.submit(append);
  }

  private async appendSingles(
    items: PreparedAppend[],
  ): Promise<PromiseSettledResult<AppendResult>[]> {
    const alone = (a: PreparedAppend) =>
      this.appender.appendToStream(a.streamId, [a.event], a.expected);
    const firsts = new Map<string, PreparedAppend>();
    for (const item of items) if (!firsts.has(item.streamId)) firsts.set(item.streamId, item);
    if (firsts.size < 2) return settle(items, alone);

    const group = [...firsts.values()];
    const outcomes = new Map<PreparedAppend, Promise<AppendResult>>();
    try {
      const rows = await this.appender.appendToEachStream(this.pool, group);
      if (rows.length > 0) this.notifier.schedule();
      const written = new Map(rows.map((r) => [r.stream_id, r]));
      for (const a of group) {
        const row = written.get(a.streamId);
        outcomes.set(
          a,
          row
            ? Promise.resolve(toAppendResult(row))
            : this.appender.resolveRejected(a.streamId, [a.event], a.expected, this.pool),
        );
      }
    } catch (err) {
      // A racing writer or a repeated event id: each append on its own gets its own answer.
      // Anything else (a lost connection, a timeout) is every caller's answer: retrying them
      // one by one would only add load to a struggling database.
      if (!isRetryableAlone(err)) return items.map(() => ({ status: 'rejected', reason: err }));
      for (const a of group) outcomes.set(a, alone(a));
    }
    await Promise.allSettled(outcomes.values());
    return settle(items, (a) => outcomes.get(a) ?? alone(a));
  }
}

/** Each item's outcome, in order, without failing on the first rejection. */
function settle<I, O>(items: I[], outcome: (item: I) => Promise<O>) {
  return Promise.allSettled(items.map(outcome));
}
