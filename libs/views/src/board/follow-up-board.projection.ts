import { isLowerCaseUuid } from '../event-data';
import { ProjectedEvent, Projection } from '../projection';
import { eventsToApply } from '../stream-batch';
import { BoardRow, applyToBoardRow } from './follow-up-board.row';
import { loadRows, writeRows } from '../tables/view-table';
import { followUpBoardTable } from './follow-up-board.table';

const STREAM_PREFIX = 'follow-up-';

/**
 * The follow-up board: one row per task. A batch costs two statements however many events it
 * holds: read the rows it touches, fold in memory, write the changed rows back.
 */
export const followUpBoardProjection: Projection = {
  name: 'follow-up-board',
  tables: [followUpBoardTable],
  streamPrefix: STREAM_PREFIX,
  // Only these carry data the board keeps; the rest move the row's version and last change.
  readsDataOf: [
    'FollowUpAssigned',
    'FollowUpReassigned',
    'FollowUpClaimed',
    'FollowUpHandedOver',
    'FollowUpDueDateExtended',
    'FollowUpContributionRequested',
    'FollowUpClassificationChanged',
  ],
  async apply(events, tx, ctx) {
    const mine = events.filter(isFollowUpEvent);
    if (mine.length === 0) return;
    const ids = [...new Set(mine.map((e) => followUpIdOf(e.streamId)))];
    const current = await loadRows(tx, followUpBoardTable, ctx.schema, ids);
    const versions = new Map(
      [...current.values()].map((r) => [STREAM_PREFIX + r.followUpId, r.version]),
    );
    const pending = await eventsToApply(mine, versions, ctx.readStream);
    const changed: BoardRow[] = [];
    for (const [streamId, list] of pending) {
      const id = followUpIdOf(streamId);
      const before = current.get(id);
      const after = list.reduce<BoardRow | undefined>(
        (row, e) => applyToBoardRow(row, id, e),
        before,
      );
      if (after && after !== before) changed.push(after);
    }
    if (changed.length > 0)
      await writeRows(tx, followUpBoardTable, ctx.schema, changed, 'newer-version');
  },
};

function isFollowUpEvent(e: ProjectedEvent): boolean {
  return (
    e.streamId.startsWith(STREAM_PREFIX) && isLowerCaseUuid(e.streamId.slice(STREAM_PREFIX.length))
  );
}

function followUpIdOf(streamId: string): string {
  return streamId.slice(STREAM_PREFIX.length);
}
