import { Command } from '@nestjs/cqrs';
import { WorkshopCommand } from '../../domain';
import { CommandMeta, CommandResult } from '../command-meta';

/** Record a workshop, an agreed action or an info request. */
export class ExecuteWorkshopCommand extends Command<CommandResult> {
  constructor(
    readonly command: WorkshopCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
