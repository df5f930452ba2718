import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { StoredEvent } from '@liaison/event-store';
import { AgencyDirectory } from '../../agencies/agency-directory';
import { DecisionRunner } from '../../commands/decision-runner';
import {
  Actor,
  canSeeFollowUp,
  decideAttachFile,
  followUpDecider,
  followUpStreamId,
  FollowUpState,
  NotFoundError,
} from '../../domain';
import { PersonalText } from '../../commands/personal-text';
import { PersonNames } from '../person-names';
import {
  CheckCanAttachQuery,
  CollaborationActor,
  FollowUpAttachment,
  FollowUpAttachments,
  FollowUpComment,
  FollowUpComments,
  GetFollowUpFileQuery,
  ListFollowUpCommentsQuery,
  ListFollowUpFilesQuery,
} from './follow-up-collaboration.query';

/** The task's stream, refused as not found to whoever may not see the task. */
async function visibleStream(runner: DecisionRunner, followUpId: string, actor: Actor) {
  const loaded = await runner.load(followUpDecider, followUpStreamId(followUpId));
  if (!canSeeFollowUp(actor, loaded.state)) throw new NotFoundError('Follow-up', followUpId);
  return loaded;
}

function actorOf(e: StoredEvent): CollaborationActor {
  const m = e.metadata;
  return {
    id: String(m.actor),
    role: String(m.role),
    ...(typeof m.agency === 'string' && { agency: m.agency }),
    ...(typeof m.on_behalf_of === 'string' && { onBehalfOf: m.on_behalf_of }),
  };
}

function attachmentsOf(events: readonly StoredEvent[]): FollowUpAttachment[] {
  return events
    .filter((e) => e.type === 'FollowUpFileAttached')
    .map((e) => {
      const d = e.data as Record<string, unknown>;
      return {
        fileId: String(d.fileId),
        name: String(d.name),
        size: Number(d.size),
        mediaType: String(d.mediaType),
        sha256: String(d.sha256),
        attachedBy: actorOf(e),
        at: e.recordedAt.toISOString(),
        version: e.version,
      };
    });
}

@QueryHandler(ListFollowUpCommentsQuery)
export class ListFollowUpCommentsHandler implements IQueryHandler<ListFollowUpCommentsQuery> {
  constructor(
    private readonly runner: DecisionRunner,
    private readonly names: PersonNames,
    private readonly personalText: PersonalText,
  ) {}

  async execute({ followUpId, actor }: ListFollowUpCommentsQuery): Promise<FollowUpComments> {
    const { version, events } = await visibleStream(this.runner, followUpId, actor);
    // a comment marked personal is opened here, for a reader the task's policy already let in
    const comments = await Promise.all(
      events
        .filter((e) => e.type === 'FollowUpCommented')
        .map(async (e) => ({ e, d: await this.personalText.open(e.data) })),
    );
    const items = comments.map(({ e, d: data }): FollowUpComment => {
      const d = data as Record<string, unknown>;
      return {
        commentId: String(d.commentId),
        body: String(d.body),
        ...(d.personal === true && { personal: true }),
        side: d.side === 'bureau' ? 'bureau' : 'assignee',
        mentions: Array.isArray(d.mentions) ? d.mentions.map(String) : [],
        author: actorOf(e),
        at: e.recordedAt.toISOString(),
        version: e.version,
      };
    });
    const named = items.flatMap((i) => [i.author.id, i.author.onBehalfOf, ...i.mentions]);
    return { id: followUpId, version, items, people: await this.names.of(named) };
  }
}

@QueryHandler(ListFollowUpFilesQuery)
export class ListFollowUpFilesHandler implements IQueryHandler<ListFollowUpFilesQuery> {
  constructor(
    private readonly runner: DecisionRunner,
    private readonly names: PersonNames,
  ) {}

  async execute({ followUpId, actor }: ListFollowUpFilesQuery): Promise<FollowUpAttachments> {
    const { version, events } = await visibleStream(this.runner, followUpId, actor);
    const items = attachmentsOf(events);
    const named = items.flatMap((i) => [i.attachedBy.id, i.attachedBy.onBehalfOf]);
    return { id: followUpId, version, items, people: await this.names.of(named) };
  }
}

@QueryHandler(GetFollowUpFileQuery)
export class GetFollowUpFileHandler implements IQueryHandler<GetFollowUpFileQuery> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ followUpId, fileId, actor }: GetFollowUpFileQuery): Promise<FollowUpAttachment> {
    const { events } = await visibleStream(this.runner, followUpId, actor);
    const file = attachmentsOf(events).find((f) => f.fileId === fileId);
    if (!file) throw new NotFoundError('File', fileId);
    return file;
  }
}

@QueryHandler(CheckCanAttachQuery)
export class CheckCanAttachHandler implements IQueryHandler<CheckCanAttachQuery> {
  constructor(
    private readonly runner: DecisionRunner,
    private readonly agencies: AgencyDirectory,
  ) {}

  async execute({ followUpId, actor, name }: CheckCanAttachQuery): Promise<void> {
    const { state } = await this.runner.load(followUpDecider, followUpStreamId(followUpId));
    // The rules themselves, with stand-ins for what only the bytes tell: they throw what the
    // real command would for the actor, the task's state and the name.
    decideAttachFile(
      {
        kind: 'AttachFile',
        followUpId,
        fileId: 'pending',
        name,
        size: 0,
        mediaType: 'application/octet-stream',
        sha256: '0'.repeat(64),
      },
      state as FollowUpState,
      { actor, now: new Date(), agencies: await this.agencies.snapshot() },
    );
  }
}
