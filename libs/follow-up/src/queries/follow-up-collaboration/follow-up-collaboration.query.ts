import { Query } from '@nestjs/cqrs';
import { Actor, CommentSide } from '../../domain';

/** Who wrote or attached, as the event's metadata recorded it. */
export interface CollaborationActor {
  id: string;
  role: string;
  agency?: string;
  /** Under a delegation (대결): the person the actor acted for. */
  onBehalfOf?: string;
}

export interface FollowUpComment {
  commentId: string;
  /** Opened for the reader when marked personal; "(erased)" once its author is erased. */
  body: string;
  personal?: true;
  side: CommentSide;
  /** Person ids the comment mentions. */
  mentions: string[];
  author: CollaborationActor;
  at: string;
  /** The comment's place in the task's stream (its timeline). */
  version: number;
}

export interface FollowUpAttachment {
  fileId: string;
  name: string;
  size: number;
  mediaType: string;
  sha256: string;
  attachedBy: CollaborationActor;
  at: string;
  version: number;
}

export interface FollowUpComments {
  id: string;
  version: number;
  items: FollowUpComment[];
  /** Display names of the authors and the people mentioned, by id. */
  people: Record<string, { ko: string; en: string }>;
}

export interface FollowUpAttachments {
  id: string;
  version: number;
  items: FollowUpAttachment[];
  people: Record<string, { ko: string; en: string }>;
}

/**
 * A task's comments, oldest first, for whoever may see the task (404 otherwise). Read from the
 * task's own stream, as its timeline is: the answer includes a comment the moment it was
 * written, and no second copy of the rule of who may see it exists.
 */
export class ListFollowUpCommentsQuery extends Query<FollowUpComments> {
  constructor(
    readonly followUpId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** A task's attached files, oldest first; scoped like the task. */
export class ListFollowUpFilesQuery extends Query<FollowUpAttachments> {
  constructor(
    readonly followUpId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** One attached file's record (its hash and size: what a download is checked against). */
export class GetFollowUpFileQuery extends Query<FollowUpAttachment> {
  constructor(
    readonly followUpId: string,
    readonly fileId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * Asks the rules whether the actor may attach a file to the task now, before the upload's bytes
 * are read: a caller who may not see the task gets its 404 without the server taking the file.
 * The command that records the file asks again.
 */
export class CheckCanAttachQuery extends Query<void> {
  constructor(
    readonly followUpId: string,
    readonly actor: Actor,
    /** The file's name from the part's headers, checked too: they arrive before its bytes. */
    readonly name: string,
  ) {
    super();
  }
}
