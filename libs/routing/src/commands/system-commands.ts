import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ConcurrencyError } from '@liaison/event-store';
import { CommandResult, ExecuteFollowUpCommand, SystemCommand } from '@liaison/follow-up';

/** Where a system command comes from: the chain of work and the event that caused it. */
export interface Cause {
  correlationId: string;
  causationId: string;
}

const MAX_TRIES = 5;

/**
 * Sends the router's, delivery's and timers' commands through the CommandBus as the system.
 * A conflicting append (say, the officer acknowledged at the same moment) is simply decided
 * again on the new state: system commands re-check everything and are idempotent.
 */
@Injectable()
export class SystemCommands {
  constructor(private readonly commandBus: CommandBus) {}

  async send(actorId: string, command: SystemCommand, cause: Cause): Promise<CommandResult> {
    const meta = { actor: { id: actorId, role: 'system' as const }, ...cause };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.commandBus.execute(new ExecuteFollowUpCommand(command, meta));
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || attempt >= MAX_TRIES) throw err;
        await new Promise((resolve) => setTimeout(resolve, attempt * 5 + Math.random() * 10));
      }
    }
  }
}
