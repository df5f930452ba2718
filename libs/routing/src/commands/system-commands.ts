import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandResult, ExecuteFollowUpCommand, SystemCommand } from '@liaison/follow-up';

/** Where a system command comes from: the chain of work and the event that caused it. */
export interface Cause {
  correlationId: string;
  causationId: string;
}

/**
 * Sends the router's, delivery's and timers' commands through the CommandBus as the system.
 * They carry no expected version, so a conflicting append (say, the officer acknowledged at the
 * same moment) is decided again on the new state by the DecisionRunner: system commands
 * re-check everything and are idempotent.
 */
@Injectable()
export class SystemCommands {
  constructor(private readonly commandBus: CommandBus) {}

  send(actorId: string, command: SystemCommand, cause: Cause): Promise<CommandResult> {
    const meta = { actor: { id: actorId, role: 'system' as const }, ...cause };
    return this.commandBus.execute(new ExecuteFollowUpCommand(command, meta));
  }
}
