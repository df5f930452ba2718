import { StoredEvent } from '@liaison/event-store';
import { FollowUpCommand, FollowUpState, followUpStreamId } from '@liaison/follow-up';

/** What the process knows beside the batch's events. Keys are stream ids. */
export interface ContributionLinks {
  /** Contribution task → its lead's follow-up id. */
  leadOf: ReadonlyMap<string, string>;
  /** Lead task → the ids of the contributions it asked for. */
  contributionsOf: ReadonlyMap<string, readonly string[]>;
  /** Lead task → its state, for the requests among the events. */
  leads: ReadonlyMap<string, FollowUpState>;
}

export interface PlannedCommand {
  command: FollowUpCommand;
  correlationId: string;
  causationId: string;
}

/**
 * The commands one event leads to (pure): the process's rules of which fact on one side is
 * sent to the other. Whether a command still applies is the decider's question.
 */
export function contributionCommandsFor(
  e: StoredEvent,
  links: ContributionLinks,
): PlannedCommand[] {
  const cause = { correlationId: e.metadata.correlation_id, causationId: e.eventId };
  const out = (command: FollowUpCommand): PlannedCommand => ({ command, ...cause });
  const data = e.data as Record<string, unknown>;
  const text = (key: string) => (typeof data[key] === 'string' ? data[key] : undefined);

  switch (e.type) {
    case 'FollowUpContributionRequested': {
      const lead = links.leads.get(e.streamId);
      const contributionId = text('contributionId');
      if (!lead || !contributionId) return [];
      return [out({ kind: 'OpenContribution', followUpId: contributionId, lead })];
    }
    case 'FollowUpContributionWaived': {
      const contributionId = text('contributionId');
      if (!contributionId) return [];
      const reason = `The contribution was waived: ${text('reason') ?? ''}`.trim();
      return [out({ kind: 'CancelContribution', followUpId: contributionId, reason })];
    }
    case 'FollowUpCancelled': {
      const reason = text('reason') ?? '';
      const commands: PlannedCommand[] = [];
      // A cancelled lead cancels its open contributions (the decider leaves closed ones).
      for (const contributionId of links.contributionsOf.get(e.streamId) ?? []) {
        const why = `The lead task was cancelled: ${reason}`;
        commands.push(out({ kind: 'CancelContribution', followUpId: contributionId, reason: why }));
      }
      const record = recordOnLead(e, links, 'cancelled', { reason });
      return record ? [...commands, out(record)] : commands;
    }
    case 'FollowUpSubmitted': {
      const record = recordOnLead(e, links, 'submitted', { response: text('response') });
      return record ? [out(record)] : [];
    }
    case 'FollowUpAccepted': {
      const record = recordOnLead(e, links, 'accepted', {});
      return record ? [out(record)] : [];
    }
    case 'FollowUpRejected': {
      const record = recordOnLead(e, links, 'returned', { reason: text('reason') });
      return record ? [out(record)] : [];
    }
    default:
      return [];
  }
}

function recordOnLead(
  e: StoredEvent,
  links: ContributionLinks,
  outcome: 'submitted' | 'accepted' | 'returned' | 'cancelled',
  extra: { response?: string; reason?: string },
): FollowUpCommand | undefined {
  const lead = links.leadOf.get(e.streamId);
  if (!lead) return undefined; // not a contribution task
  return {
    kind: 'RecordContribution',
    followUpId: lead,
    contributionId: e.streamId.slice(followUpStreamId('').length),
    outcome,
    contributionVersion: e.version,
    ...(extra.response !== undefined && { response: extra.response }),
    ...(extra.reason !== undefined && { reason: extra.reason }),
  };
}
