/**
 * Working a task together: comments and files from either side. Checked in the order of every
 * follow-up verb (follow-up.decider.ts), so nothing leaks to those who may not see the task:
 *   1. role (Forbidden): only bureau heads and officers write; auditors read, never write.
 *   2. visibility (NotFound): the task does not exist, or the actor may not see it.
 *   3. party (Forbidden): the host's bureau or the assignee agency; someone who only sees the
 *      task in another capacity does not speak on it.
 *   4. state (InvalidState): a closed task (accepted, cancelled) takes no more comments or
 *      files: the record the host accepted or cancelled stays the record.
 *   5. inputs (InvalidInput, naming the field).
 * Unlike the assignee's verbs, any officer of the agency may comment or attach, not only the
 * task's named officer: talking about a task is not working it.
 */
import { DecisionContext, PersonInfo, Role } from '../context';
import {
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NotFoundError,
} from '../domain.errors';
import { CommentSide, FollowUpCommented, FollowUpFileAttached } from '../events';
import { requireText } from '../validation';
import { AttachFile, CommentOnFollowUp } from './follow-up.commands';
import { actsAs, canSeeFollowUp } from './follow-up.policy';
import { FollowUpState, isOpen } from './follow-up.state';

export const COMMENT_MAX_CHARS = 10_000;
export const MENTION_REFUSED = 'must name an active person who may see this follow-up';
export const FILE_NAME_MAX_CHARS = 255;
const SHA256_HEX = /^[0-9a-f]{64}$/;
// Path separators and control characters: a name is shown and offered as a download name.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[/\\\u0000-\u001f\u007f]/;

function authorizeCollaboration(
  verb: string,
  followUpId: string,
  state: FollowUpState,
  { actor }: DecisionContext,
): CommentSide {
  if (actor.role !== 'bureau_head' && actor.role !== 'agency_officer') {
    throw new ForbiddenError(`Role ${actor.role} may not ${verb} a follow-up`);
  }
  if (!state.exists || state.followUpId !== followUpId || !canSeeFollowUp(actor, state)) {
    throw new NotFoundError('Follow-up', followUpId);
  }
  const side: CommentSide | undefined = actsAs(actor, 'host', state)
    ? 'bureau'
    : actsAs(actor, 'assignee', state)
      ? 'assignee'
      : undefined;
  if (!side) {
    throw new ForbiddenError(
      `Only a bureau head of ${state.hostAgency} or an officer of ${state.assigneeAgency} may ${verb} this follow-up`,
    );
  }
  if (!isOpen(state.status)) throw new InvalidStateError('Follow-up', state.status, verb);
  return side;
}

/** Whether a person of the directory could see the task in any role they hold. */
export function personCanSee(person: PersonInfo, state: FollowUpState): boolean {
  return person.roles.some((role: Role) =>
    canSeeFollowUp({ id: person.id, role, agency: person.agency }, state),
  );
}

export function decideComment(
  command: CommentOnFollowUp,
  state: FollowUpState,
  ctx: DecisionContext,
): FollowUpCommented {
  const side = authorizeCollaboration('comment on', command.followUpId, state, ctx);
  const body = requireText('body', command.body);
  if (body.length > COMMENT_MAX_CHARS) {
    throw new InvalidInputError('body', `must be at most ${COMMENT_MAX_CHARS} characters`);
  }
  const commentId = requireText('commentId', command.commentId);
  const mentions = [...new Set(command.mentions ?? [])];
  mentions.forEach((id, i) => {
    const person = ctx.people?.get(id);
    // A mention notifies: naming someone who may not see the task would either leak it to
    // them or silently notify nobody, so it is refused and the writer decides. One answer for
    // unknown, deactivated and not allowed, without the person's name: the refusal tells the
    // writer nothing about a person they could not already see.
    if (!person?.active || !personCanSee(person, state)) {
      throw new InvalidInputError(`mentions[${i}]`, MENTION_REFUSED);
    }
  });
  if (command.personal && !command.sealedBody) {
    // the handler seals before deciding; clear personal text never reaches the log
    throw new Error('a personal comment must arrive sealed');
  }
  return command.sealedBody
    ? {
        followUpId: state.followUpId,
        commentId,
        body: command.sealedBody,
        personal: true,
        mentions,
        side,
      }
    : { followUpId: state.followUpId, commentId, body, mentions, side };
}

export function decideAttachFile(
  command: AttachFile,
  state: FollowUpState,
  ctx: DecisionContext,
): FollowUpFileAttached {
  authorizeCollaboration('attach a file to', command.followUpId, state, ctx);
  const fileId = requireText('fileId', command.fileId);
  const name = requireText('name', command.name);
  if (name.length > FILE_NAME_MAX_CHARS || UNSAFE_NAME.test(name)) {
    throw new InvalidInputError(
      'name',
      `must be at most ${FILE_NAME_MAX_CHARS} characters without path separators or control characters`,
    );
  }
  if (!Number.isSafeInteger(command.size) || command.size < 0) {
    throw new InvalidInputError('size', 'must be a whole number of bytes');
  }
  if (!SHA256_HEX.test(command.sha256)) {
    throw new InvalidInputError('sha256', 'must be 64 lower-case hex digits');
  }
  const mediaType = requireText('mediaType', command.mediaType);
  return {
    followUpId: state.followUpId,
    fileId,
    name,
    size: command.size,
    mediaType,
    sha256: command.sha256,
  };
}

// `@` at the start or after a space or bracket (not inside an e-mail address), then a login as
// the directory allows it (libs/directory/src/domain/validation.ts, LOGIN).
const MENTION = /(?<![\p{L}\p{N}@._-])@([a-z0-9][a-z0-9._-]{1,63})/giu;

/**
 * The logins a comment's body names as `@login`, lower-cased, once each, in order. A sentence's
 * full stop after a login is not part of it (`@kisa.officer.`), so each candidate is offered
 * with and without trailing punctuation; the directory decides which (if either) is a person.
 */
export function mentionCandidates(body: string): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const match of body.matchAll(MENTION)) {
    const login = match[1].toLowerCase();
    if (seen.has(login)) continue;
    seen.add(login);
    const trimmed = login.replace(/[._-]+$/, '');
    out.push(trimmed !== login && trimmed.length >= 2 ? [login, trimmed] : [login]);
  }
  return out;
}
