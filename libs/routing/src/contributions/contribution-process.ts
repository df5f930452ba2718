import { Injectable, Logger } from '@nestjs/common';
import { PoolClient } from 'pg';
import { StoredEvent } from '@liaison/event-store';
import {
  BatchItem,
  DecisionRunner,
  FollowUpCommand,
  followUpDecider,
  FollowUpState,
  followUpStreamId,
} from '@liaison/follow-up';
import { contributionCommandsFor, ContributionLinks, PlannedCommand } from './contribution-plan';

const PROCESS = { id: 'contributions', role: 'system' as const };

/**
 * Joint tasks (주관/협조) as a process of the relay: a lead's request opens its contribution
 * task (which the router then routes like any assignment), a waiver or the lead's cancellation
 * cancels the contribution task, and a contribution's submit, acceptance, return or
 * cancellation is recorded on its lead. The commands are decided and appended in the relay's
 * transaction, with its checkpoint: a batch relayed again after a crash, or the whole log
 * replayed from position 0, finds each fact recorded already (the lead keeps the contribution
 * version it recorded; a task is opened or cancelled once) and appends nothing.
 */
@Injectable()
export class ContributionProcess {
  private readonly logger = new Logger('Contributions');

  constructor(private readonly runner: DecisionRunner) {}

  /** Returns how many events were recorded. */
  async handle(events: readonly StoredEvent[], tx: PoolClient): Promise<number> {
    const relevant = events.filter((e) => RELEVANT.has(e.type));
    if (relevant.length === 0) return 0;
    const links = await this.links(relevant, tx);
    const planned = relevant.flatMap((e) => contributionCommandsFor(e, links));
    let recorded = 0;
    // A batch names each stream once: commands for one stream go in successive rounds, in the
    // order of the log.
    for (const round of rounds(planned)) {
      const items = round.map((p): BatchItem<FollowUpCommand, FollowUpState, PlannedCommand> => ({
        streamId: followUpStreamId(p.command.followUpId),
        plan: () => ({
          command: p.command,
          meta: { actor: PROCESS, correlationId: p.correlationId, causationId: p.causationId },
          attached: p,
        }),
      }));
      for (const outcome of await this.runner.runBatch(followUpDecider, items, { tx })) {
        if (outcome.kind === 'refused') {
          // Only a bug makes the rules refuse the process's own command: skip it, loudly,
          // rather than stop the relay for every agency.
          this.logger.error({
            msg: 'contribution command refused',
            command: outcome.attached.command.kind,
            followUpId: outcome.attached.command.followUpId,
            reason: outcome.error.message,
          });
          continue;
        }
        recorded += outcome.events;
      }
    }
    return recorded;
  }

  /** What the batch's events need to know beyond themselves, read in the relay's transaction. */
  private async links(events: readonly StoredEvent[], tx: PoolClient): Promise<ContributionLinks> {
    const streams = [...new Set(events.map((e) => e.streamId))];
    // Which of these streams are contribution tasks, and of which lead (their first event).
    const contributions = await tx.query<{ stream_id: string; lead: string }>(
      `SELECT stream_id, data->>'leadFollowUpId' AS lead FROM events
       WHERE stream_id = ANY($1::text[]) AND version = 1 AND type = 'FollowUpAssigned'
         AND data->>'kind' = 'contribution'`,
      [streams],
    );
    // Which of these streams are leads, and the contributions they asked for.
    const asked = await tx.query<{ stream_id: string; contribution: string }>(
      `SELECT stream_id, data->>'contributionId' AS contribution FROM events
       WHERE stream_id = ANY($1::text[]) AND type = 'FollowUpContributionRequested'
       ORDER BY version`,
      [streams],
    );
    const leadOf = new Map(contributions.rows.map((r) => [r.stream_id, r.lead]));
    const contributionsOf = new Map<string, string[]>();
    for (const r of asked.rows) {
      contributionsOf.set(r.stream_id, [
        ...(contributionsOf.get(r.stream_id) ?? []),
        r.contribution,
      ]);
    }
    // The leads whose requests open contribution tasks, as stored now (their request is
    // committed: it is in this batch of the log).
    const leads = new Map<string, FollowUpState>();
    for (const e of events.filter((x) => x.type === 'FollowUpContributionRequested')) {
      if (!leads.has(e.streamId)) {
        leads.set(e.streamId, (await this.runner.load(followUpDecider, e.streamId, tx)).state);
      }
    }
    return { leadOf, contributionsOf, leads };
  }
}

const RELEVANT = new Set([
  'FollowUpContributionRequested',
  'FollowUpContributionWaived',
  'FollowUpSubmitted',
  'FollowUpAccepted',
  'FollowUpRejected',
  'FollowUpCancelled',
]);

function rounds(planned: readonly PlannedCommand[]): PlannedCommand[][] {
  const result: PlannedCommand[][] = [];
  const depth = new Map<string, number>();
  for (const p of planned) {
    const d = depth.get(p.command.followUpId) ?? 0;
    depth.set(p.command.followUpId, d + 1);
    (result[d] ??= []).push(p);
  }
  return result;
}
