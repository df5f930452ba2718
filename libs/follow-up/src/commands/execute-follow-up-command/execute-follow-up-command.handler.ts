import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  FollowUpCommand,
  followUpDecider,
  followUpStreamId,
  workshopDecider,
  workshopStreamId,
} from '../../domain';
import { CommandResult } from '../command-meta';
import { DecisionRunner } from '../decision-runner';
import { ExecuteFollowUpCommand, FollowUpRequest } from './execute-follow-up-command.command';

@CommandHandler(ExecuteFollowUpCommand)
export class ExecuteFollowUpCommandHandler implements ICommandHandler<ExecuteFollowUpCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ command, meta }: ExecuteFollowUpCommand): Promise<CommandResult> {
    const domainCommand = await this.withWorkshop(command);
    const streamId = followUpStreamId(command.followUpId);
    const result = await this.runner.run(followUpDecider, streamId, domainCommand, meta);
    return { id: command.followUpId, ...result };
  }

  private async withWorkshop(request: FollowUpRequest): Promise<FollowUpCommand> {
    if (request.kind !== 'AssignFollowUp') return request;
    const { workshopId, ...rest } = request;
    const { state } = await this.runner.load(workshopDecider, workshopStreamId(workshopId));
    return { ...rest, workshop: state };
  }
}
