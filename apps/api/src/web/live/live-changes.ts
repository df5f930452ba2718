import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { canSeeFollowUp, initialFollowUpState } from '@liaison/follow-up';
import { AuthenticatedUser, PG_POOL } from '@liaison/platform';
import { followUpBoardTable } from '@liaison/views';

/** One change a page may want: the task, where it stands, and the position to read it at. */
export interface FollowUpChange {
  followUpId: string;
  status: string;
  version: number;
  position: number;
}

export interface LiveSubscriber {
  user: AuthenticatedUser;
  send(change: FollowUpChange): void;
  /** Closes the stream; with a reason, the caller is told why (their credential ended). */
  end(reason?: string): void;
}

/** How often the board view is asked what moved, while anyone listens. */
export const LIVE_POLL_MS = 250;
const BATCH = 500;

const TABLE = followUpBoardTable.name;
const column = (field: string) => followUpBoardTable.fields.find((f) => f.field === field)!.name;
const LAST_POSITION = column('lastPosition');

/**
 * Live changes for the web app's pages: one poller per API process reads what the board view
 * applied since it last looked (the view, not the log: a page refetches through the same
 * scoped reads, so a change is announced once the view that shows it has it) and passes each
 * changed task to the subscribers allowed to see it — the follow-up policy, as for the reads.
 */
@Injectable()
export class LiveChanges implements OnModuleDestroy {
  private readonly subscribers = new Set<LiveSubscriber>();
  private timer: NodeJS.Timeout | undefined;
  private after: number | undefined;
  private polling = false;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async subscribe(subscriber: LiveSubscriber): Promise<() => void> {
    if (this.after === undefined) this.after = await this.head();
    this.subscribers.add(subscriber);
    this.timer ??= setInterval(() => void this.poll(), LIVE_POLL_MS);
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const subscriber of this.subscribers) subscriber.end();
    this.subscribers.clear();
  }

  private async head(): Promise<number> {
    const { rows } = await this.pool.query<{ head: string | null }>(
      `SELECT max(${LAST_POSITION}) AS head FROM ${TABLE}`,
    );
    return Number(rows[0]?.head ?? 0);
  }

  private async poll(): Promise<void> {
    if (this.polling || this.after === undefined) return;
    this.polling = true;
    try {
      const { rows } = await this.pool.query(
        `SELECT ${followUpBoardTable.selectList} FROM ${TABLE}
          WHERE ${LAST_POSITION} > $1 ORDER BY ${LAST_POSITION} LIMIT ${BATCH}`,
        [this.after],
      );
      for (const record of rows) {
        const row = followUpBoardTable.toRow(record);
        const position = Number(row.lastPosition);
        this.after = Math.max(this.after, position);
        const task = {
          ...initialFollowUpState,
          exists: true,
          hostAgency: row.hostAgency,
          assigneeAgency: row.assigneeAgency,
          classification: {
            level: row.classificationLevel,
            agencies: row.classificationAgencies,
            people: row.classificationPeople,
          },
        };
        const change = {
          followUpId: row.followUpId,
          status: row.status,
          version: row.version,
          position,
        };
        for (const subscriber of this.subscribers) {
          if (canSeeFollowUp(subscriber.user, task)) subscriber.send(change);
        }
      }
    } catch {
      // a failed poll is tried again at the next tick; the pages still refetch on their own
    } finally {
      this.polling = false;
    }
  }
}
