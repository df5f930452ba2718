import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import {
  canSeeWorkshop,
  Classification,
  classificationFloor,
  FollowUpState,
  followUpDecider,
  followUpStreamId,
  InvalidInputError,
  isReadableClassification,
  requireReadableByAssignee,
  sameClassification,
  workshopDecider,
  workshopStreamId,
} from '../../domain';
import { CommandMeta, CommandResult } from '../command-meta';
import { DecisionRunner } from '../decision-runner';
import { ExecuteWorkshopCommand } from './execute-workshop-command.command';

/**
 * Workshop commands. A change of the workshop's classification reaches its follow-ups as events:
 * the workshop's classification is each task's floor (classificationFloor), so every task less
 * strict than the new one gets a FollowUpClassificationChanged raising it, recorded by the same
 * bureau head. The tasks are checked before anything is appended: a change that would shut a
 * task's own assignee or named officer out is refused (422), naming the task.
 *
 * Not one transaction: the workshop's event, then each task's. A crash in between leaves tasks
 * less strict than their workshop until the change is sent again (a repeat records nothing on
 * the workshop and raises the tasks still below it).
 */
@CommandHandler(ExecuteWorkshopCommand)
export class ExecuteWorkshopCommandHandler implements ICommandHandler<ExecuteWorkshopCommand> {
  constructor(
    private readonly runner: DecisionRunner,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ command, meta }: ExecuteWorkshopCommand): Promise<CommandResult> {
    const streamId = workshopStreamId(command.workshopId);
    if (command.kind !== 'ChangeWorkshopClassification') {
      const result = await this.runner.run(workshopDecider, streamId, command, meta);
      return { id: command.workshopId, ...result };
    }
    const { state: workshop } = await this.runner.load(workshopDecider, streamId);
    // Only those who may change it (the workshop policy: its readers, less auditors, who never
    // write) learn anything of its tasks; anyone else is refused by the decider below as before.
    const host = canSeeWorkshop(meta.actor, workshop) && meta.actor.role === 'bureau_head';

    const raised =
      host && isReadableClassification(command.classification)
        ? await this.raisedTasks(command.workshopId, command.classification)
        : [];
    const result = await this.runner.run(workshopDecider, streamId, command, meta);
    // a retry of the same request must not reuse its key's event ids on other streams
    const { idempotencySeed: _seed, ...cascade } = meta;
    for (const { followUpId, classification } of raised) {
      await this.runner.run(
        followUpDecider,
        followUpStreamId(followUpId),
        {
          kind: 'ChangeFollowUpClassification',
          followUpId,
          classification,
          workshop: { classification: command.classification },
        },
        { ...cascade, causationId: meta.correlationId } satisfies CommandMeta,
      );
    }
    return { id: command.workshopId, ...result };
  }

  /** The workshop's tasks whose classification the new one raises, each checked first. */
  private async raisedTasks(
    workshopId: string,
    next: Classification | undefined,
  ): Promise<{ followUpId: string; classification: Classification }[]> {
    const { rows } = await this.pool.query<{ stream_id: string }>(
      `SELECT stream_id FROM events
        WHERE type = 'FollowUpAssigned' AND starts_with(stream_id, 'follow-up-')
          AND data->>'workshopId' = $1`,
      [workshopId],
    );
    const raised: { followUpId: string; classification: Classification }[] = [];
    for (const { stream_id } of rows) {
      const { state } = await this.runner.load(followUpDecider, stream_id);
      // A contribution (협조) follows its lead's classification, not the workshop's.
      if (!state.exists || state.kind === 'contribution') continue;
      const floor = classificationFloor(next, state.classification);
      if (sameClassification(state.classification, floor)) continue;
      requireReadable(state, floor);
      raised.push({ followUpId: state.followUpId, classification: floor });
    }
    return raised;
  }
}

function requireReadable(task: FollowUpState, floor: Classification): void {
  try {
    requireReadableByAssignee(floor, task.assigneeAgency, task.officerId, {
      agency: 'classification.agencies',
      officer: 'classification.people',
    });
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    throw new InvalidInputError(
      err.field,
      `would shut out the assignee or the named officer of follow-up ${task.followUpId}`,
    );
  }
}
