import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  FollowUpCommand,
  followUpDecider,
  followUpStreamId,
  PersonInfo,
  workshopDecider,
  workshopStreamId,
} from '../../domain';
import { CommandMeta, CommandResult } from '../command-meta';
import { PersonalText } from '../personal-text';
import { DecisionRunner } from '../decision-runner';
import { PeopleLookup } from '../people/people-lookup';
import { ExecuteFollowUpCommand, FollowUpRequest } from './execute-follow-up-command.command';

@CommandHandler(ExecuteFollowUpCommand)
export class ExecuteFollowUpCommandHandler implements ICommandHandler<ExecuteFollowUpCommand> {
  constructor(
    private readonly runner: DecisionRunner,
    private readonly people: PeopleLookup,
    private readonly personalText: PersonalText,
  ) {}

  async execute({ command, meta }: ExecuteFollowUpCommand): Promise<CommandResult> {
    const [domainCommand, people] = await Promise.all([
      this.withWorkshop(command, meta),
      this.peopleNamedBy(command),
    ]);
    const streamId = followUpStreamId(command.followUpId);
    const result = await this.runner.run(followUpDecider, streamId, domainCommand, meta, people);
    return { id: command.followUpId, ...result };
  }

  private async withWorkshop(
    request: FollowUpRequest,
    meta: CommandMeta,
  ): Promise<FollowUpCommand> {
    if (
      request.kind === 'CommentOnFollowUp' &&
      request.personal &&
      typeof request.body === 'string'
    ) {
      // sealed under the author's own key (the person who typed it, not one they act for)
      return { ...request, sealedBody: await this.personalText.seal(request.body, meta.actor.id) };
    }
    if (request.kind === 'ReportProgress' && request.personal && typeof request.note === 'string') {
      return { ...request, sealedNote: await this.personalText.seal(request.note, meta.actor.id) };
    }
    if (request.kind === 'ChangeFollowUpClassification') {
      // the workshop's classification is the floor of the task's
      const task = await this.runner.load(followUpDecider, followUpStreamId(request.followUpId));
      if (!task.state.exists || !task.state.workshopId) return request;
      const { state } = await this.runner.load(
        workshopDecider,
        workshopStreamId(task.state.workshopId),
      );
      return { ...request, workshop: { classification: state.classification } };
    }
    if (request.kind !== 'AssignFollowUp') return request;
    const { workshopId, ...rest } = request;
    const { state } = await this.runner.load(workshopDecider, workshopStreamId(workshopId));
    return { ...rest, workshop: state };
  }

  /** The officer an assignment, a reassignment or a hand-over names, for the rules to check. */
  private async peopleNamedBy(
    request: FollowUpRequest,
  ): Promise<ReadonlyMap<string, PersonInfo> | undefined> {
    // A comment's mentions: the rules check each could see the task.
    if (request.kind === 'CommentOnFollowUp') return this.people.byIds(request.mentions ?? []);
    const named =
      request.kind === 'AssignFollowUp' ||
      request.kind === 'ReassignFollowUp' ||
      request.kind === 'HandOverFollowUp'
        ? request.officerId
        : undefined;
    return typeof named === 'string' ? this.people.byIds([named]) : undefined;
  }
}
