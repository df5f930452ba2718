import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { workshopDecider, workshopStreamId } from '../../domain';
import { CommandResult } from '../command-meta';
import { DecisionRunner } from '../decision-runner';
import { ExecuteWorkshopCommand } from './execute-workshop-command.command';

@CommandHandler(ExecuteWorkshopCommand)
export class ExecuteWorkshopCommandHandler implements ICommandHandler<ExecuteWorkshopCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ command, meta }: ExecuteWorkshopCommand): Promise<CommandResult> {
    const streamId = workshopStreamId(command.workshopId);
    const result = await this.runner.run(workshopDecider, streamId, command, meta);
    return { id: command.workshopId, ...result };
  }
}
