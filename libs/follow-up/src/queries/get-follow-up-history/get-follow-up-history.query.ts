import { Query } from '@nestjs/cqrs';
import { Actor } from '../../domain';

/** One step of a task's timeline: what happened, who did it (and for whom), when. */
export interface FollowUpHistoryEntry {
  version: number;
  type: string;
  data: Record<string, unknown>;
  recordedAt: string;
  actor: { id: string; role: string; agency?: string };
  /** Under a delegation (대결): the person the actor acted for. */
  onBehalfOf?: string;
}

export interface FollowUpHistory {
  id: string;
  version: number;
  items: FollowUpHistoryEntry[];
  /** Display names of the people the items name (actors, people acted for, officers), by id,
   * for those the directory knows. */
  people: Record<string, { ko: string; en: string }>;
}

/**
 * A task's timeline (GET /follow-ups/:id/history) for whoever may see the task: its events as
 * stored, oldest first, with assignment, claims, hand-overs and each verb. Auditors have the
 * raw stream with hashes under /audit/streams; this is the same facts for the people at work.
 */
export class GetFollowUpHistoryQuery extends Query<FollowUpHistory> {
  constructor(
    readonly followUpId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
