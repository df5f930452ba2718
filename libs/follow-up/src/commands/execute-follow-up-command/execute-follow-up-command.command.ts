import { Command } from '@nestjs/cqrs';
import { AssignFollowUp, FollowUpCommand } from '../../domain';
import { CommandMeta, CommandResult } from '../command-meta';

/** The assignment names its workshop; the handler loads that workshop's state for the rules. */
export type AssignRequest = Omit<AssignFollowUp, 'workshop'> & { workshopId: string };
export type FollowUpRequest = Exclude<FollowUpCommand, AssignFollowUp> | AssignRequest;

/** Any follow-up verb: assign, the agency's work, the host's decisions, and system records. */
export class ExecuteFollowUpCommand extends Command<CommandResult> {
  constructor(
    readonly command: FollowUpRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
