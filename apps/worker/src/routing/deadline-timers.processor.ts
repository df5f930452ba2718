import { Injectable, Logger } from '@nestjs/common';
import { DeadlinePayload, JobResult, SystemCommands } from '@liaison/routing';

const ACTOR = 'timers';
/** BullMQ may fire a hair early (clocks); waiting that out beats a lost overdue mark. */
const MAX_EARLY_WAIT_MS = 60_000;

/**
 * A deadline timer fired: it sends the command for the due time it was planned for, and the
 * decider re-checks the task. A task completed, extended or reassigned since is left alone.
 */
@Injectable()
export class DeadlineTimersProcessor {
  private readonly logger = new Logger('Deadlines');

  constructor(private readonly commands: SystemCommands) {}

  async remind(p: DeadlinePayload): Promise<JobResult> {
    const { changed } = await this.commands.send(
      ACTOR,
      { kind: 'SendReminder', ...this.ids(p) },
      this.cause(p),
    );
    return this.result('reminder', p, changed);
  }

  async markOverdue(p: DeadlinePayload): Promise<JobResult> {
    await this.waitUntilDue(p.dueAt);
    const { changed } = await this.commands.send(
      ACTOR,
      { kind: 'MarkOverdue', ...this.ids(p) },
      this.cause(p),
    );
    return this.result('overdue', p, changed);
  }

  /** Marks overdue first, in case that timer was lost: escalation applies to overdue tasks. */
  async escalate(p: DeadlinePayload): Promise<JobResult> {
    await this.markOverdue(p);
    const reason = `Overdue since ${p.dueAt} and still open after the grace period`;
    const command = { kind: 'Escalate' as const, ...this.ids(p), reason };
    const { changed } = await this.commands.send(ACTOR, command, this.cause(p));
    return this.result('escalation', p, changed);
  }

  private ids(p: DeadlinePayload) {
    return { followUpId: p.followUpId, dueAt: p.dueAt };
  }

  private cause(p: DeadlinePayload) {
    return { correlationId: p.correlationId, causationId: `deadline-${p.followUpId}-${p.dueAt}` };
  }

  private result(timer: string, p: DeadlinePayload, changed: boolean): JobResult {
    if (changed)
      this.logger.log({ msg: `${timer} recorded`, followUpId: p.followUpId, dueAt: p.dueAt });
    return { outcome: changed ? `${timer} recorded` : `${timer} no longer applies` };
  }

  private async waitUntilDue(dueAt: string): Promise<void> {
    const early = Date.parse(dueAt) - Date.now();
    if (early <= 0) return;
    if (early > MAX_EARLY_WAIT_MS) throw new Error(`timer fired ${early} ms before ${dueAt}`);
    await new Promise((resolve) => setTimeout(resolve, early));
  }
}
