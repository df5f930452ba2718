/** Comments and files on follow-up f-1, one factory per fact and per command. */
import { FollowUpCommented, FollowUpEvent, FollowUpFileAttached } from '../events';
import { AttachFile, CommentOnFollowUp } from '../follow-up/follow-up.commands';
import { FOLLOW_UP_ID } from './follow-up.fixture';

const followUpId = FOLLOW_UP_ID;
export const SHA256 = 'ab'.repeat(32);

export const commented = (overrides: Partial<FollowUpCommented> = {}): FollowUpEvent => ({
  type: 'FollowUpCommented',
  data: {
    followUpId,
    commentId: 'c-1',
    body: 'Which template?',
    mentions: [],
    side: 'assignee',
    ...overrides,
  },
});

export const fileAttached = (overrides: Partial<FollowUpFileAttached> = {}): FollowUpEvent => ({
  type: 'FollowUpFileAttached',
  data: {
    followUpId,
    fileId: 'file-1',
    name: 'protocol.pdf',
    size: 1234,
    mediaType: 'application/pdf',
    sha256: SHA256,
    ...overrides,
  },
});

export const comment = (
  body = 'Which template?',
  mentions: string[] = [],
  commentId = 'c-1',
): CommentOnFollowUp => ({ kind: 'CommentOnFollowUp', followUpId, commentId, body, mentions });

export const attach = (overrides: Partial<AttachFile> = {}): AttachFile => ({
  kind: 'AttachFile',
  followUpId,
  fileId: 'file-1',
  name: 'protocol.pdf',
  size: 1234,
  mediaType: 'application/pdf',
  sha256: SHA256,
  ...overrides,
});
