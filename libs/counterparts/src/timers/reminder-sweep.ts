import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { CounterpartCommands } from '../commands/counterpart-commands';

/**
 * Reminders Redis lost (a flushed or restored Redis, a job added while it was down): requests
 * still owed whose due time passed without a reminder for it. Each is reminded through the same
 * idempotent command the delayed job sends, so a sweep racing the job adds nothing twice.
 */
@Injectable()
export class CounterpartReminderSweep {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly commands: CounterpartCommands,
  ) {}

  /** Returns how many reminders it sent. */
  async sweep(now = new Date(), limit = 200): Promise<number> {
    const { rows } = await this.pool.query<{ id: string; due_at: Date }>(
      `SELECT id, due_at FROM counterpart_requests
        WHERE status IN ('sent', 'acknowledged', 'partially_answered')
          AND due_at <= $1 AND reminded_due_at IS DISTINCT FROM due_at
        ORDER BY due_at LIMIT $2`,
      [now, limit],
    );
    let sent = 0;
    for (const row of rows) {
      const result = await this.commands.remind(row.id, row.due_at.toISOString(), now);
      sent += result.events.length;
    }
    return sent;
  }
}
