import { Pool, PoolClient } from 'pg';
import {
  DISPOSED_EVENTS_TABLE,
  DisposedEventRef,
  tombstoneData,
  TOMBSTONE_KEY,
} from '@liaison/audit';
import { EventStore } from '@liaison/event-store';
import { inTransaction } from '@liaison/platform';
import { RecordState } from '../domain';
import { RecordActor, RecordWriter } from '../writing/record-writer';

export interface DisposalResult {
  record: RecordState;
  /** The RecordDisposed event: where it is in the log. */
  disposal: { position: number; eventId: string };
  events: number;
  files: number;
}

/**
 * Disposal (폐기), the one exception to the append-only log, in ONE transaction:
 *  1. DisposalApproved (the records officer's approval; refused while a hold stands or before
 *     the due date) and RecordDisposed (who, when, which positions, their stored hashes) are
 *     appended to the record's stream first;
 *  2. each of the subject stream's events gets a tombstone for `data` (metadata, type, time and
 *     the stored hash stay), and a mark in audit_disposed_events that the chain check trusts;
 *  3. the attached files' bytes go, unless another live event still names the same content.
 * Anything failing rolls all of it back: content is never gone without its proof.
 */
export class RecordDisposer {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly writer: RecordWriter,
  ) {}

  async dispose(recordId: string, actor: RecordActor, now: Date): Promise<DisposalResult> {
    const result = await inTransaction(this.pool, (tx) => this.disposeIn(tx, recordId, actor, now));
    this.store.announceAppends();
    return result;
  }

  private async disposeIn(
    tx: PoolClient,
    recordId: string,
    actor: RecordActor,
    now: Date,
  ): Promise<DisposalResult> {
    await this.writer.writeIn(tx, recordId, { type: 'ApproveDisposal' }, actor, now);
    // The record's id is its subject's stream id; lock its events for the rewrite.
    const { rows } = await tx.query<{
      position: string;
      stream_id: string;
      version: number;
      hash: string;
      type: string;
      data: Record<string, unknown>;
    }>(
      `SELECT position, stream_id, version, encode(hash, 'hex') AS hash, type, data FROM events
        WHERE stream_id = $1 AND NOT data ? '${TOMBSTONE_KEY}' ORDER BY version FOR UPDATE`,
      [recordId],
    );
    const events: DisposedEventRef[] = rows.map((r) => ({
      position: Number(r.position),
      streamId: r.stream_id,
      version: r.version,
      hash: r.hash,
    }));
    const files = [
      ...new Set(
        rows
          .filter((r) => r.type === 'FollowUpFileAttached' && typeof r.data.sha256 === 'string')
          .map((r) => String(r.data.sha256)),
      ),
    ];
    const { state, appended } = await this.writer.writeIn(
      tx,
      recordId,
      { type: 'RecordDisposal', streams: [recordId], events, files },
      actor,
      now,
    );
    const disposal = appended.find((e) => e.type === 'RecordDisposed')!;
    const positions = events.map((e) => e.position);
    await tx.query(`UPDATE events SET data = $2::jsonb WHERE position = ANY($1::bigint[])`, [
      positions,
      JSON.stringify(tombstoneData(recordId, disposal.eventId)),
    ]);
    await tx.query(
      `INSERT INTO ${DISPOSED_EVENTS_TABLE} (position, stream_id, version, hash, disposal_position, record_id)
       SELECT e.position, e.stream_id, e.version, e.hash, $2, $3 FROM events e
        WHERE e.position = ANY($1::bigint[])`,
      [positions, disposal.position, recordId],
    );
    for (const sha256 of files) await removeUnreferencedFile(tx, sha256);
    await removeReadRows(tx, recordId);
    await removeCopies(tx, recordId);
    return {
      record: state,
      disposal: { position: disposal.position, eventId: disposal.eventId },
      events: events.length,
      files: files.length,
    };
  }
}

/**
 * The read tables that copy a follow-up's content (the board's title, the search index's
 * documents and comments, in-app notifications) lose their rows for it in the same
 * transaction: a disposed task no longer shows anywhere. Named here because a projection only
 * sees new events, and the disposal rewrites old ones. (A workshop's own rows are kept: its
 * record is the minutes' metadata; see the README's "Records" section.)
 */
const READ_ROWS: readonly [table: string, where: string][] = [
  ['follow_up_board', 'follow_up_id::text = $1'],
  ['search_documents', 'item_id = $1 OR parent_id = $1'],
  ['notifications', 'follow_up_id::text = $1'],
];

async function removeReadRows(tx: PoolClient, recordId: string): Promise<void> {
  const subject = recordId.replace(/^follow-up-/, '');
  if (subject === recordId) return;
  for (const [table, where] of READ_ROWS) {
    const exists = await tx.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [table]);
    if (exists.rows[0].t) await tx.query(`DELETE FROM ${table} WHERE ${where}`, [subject]);
  }
}

/**
 * Files are stored once per content (@liaison/files): the bytes go only when no live event
 * names that SHA-256 any more. The Postgres store's tables are emptied here, in the disposal's
 * transaction; a disk store's files are not (see the README's "Records" section).
 */
async function removeUnreferencedFile(tx: PoolClient, sha256: string): Promise<void> {
  const still = await tx.query(
    `SELECT 1 FROM events WHERE type <> 'RecordDisposed' AND NOT data ? '${TOMBSTONE_KEY}'
        AND strpos(data::text, $1) > 0 LIMIT 1`,
    [sha256],
  );
  if (still.rowCount) return;
  await tx.query('DELETE FROM file_chunks WHERE sha256 = $1', [sha256]);
  await tx.query('DELETE FROM file_blobs WHERE sha256 = $1', [sha256]);
}

/** What a sent digest keeps of its body when it held a disposed record's item. */
export const DISPOSED_COPY =
  '[폐기된 기록의 내용이 있어 지움 / removed: it held a disposed record]';

/**
 * The other stores that copy a record's content, emptied in the disposal's transaction:
 *  - e-mails about its events (notification_outbox: subject and body rendered with the title);
 *    a pending one is never sent;
 *  - digests that gathered such an e-mail: a sent (or sending) one keeps its envelope and loses
 *    its body (DISPOSED_COPY), a pending one is undone, its other items freed for the next one;
 *  - stored answers of idempotent requests (idempotency_keys.response) that name the record:
 *    a retry after the disposal is decided again, against the tombstones.
 * A meeting's agenda names a task by id and takes its title from the task's stream at read time
 * (libs/meetings), so the tombstones already empty it. Each table may be absent (a deployment
 * without that lib's migrations).
 */
async function removeCopies(tx: PoolClient, recordId: string): Promise<void> {
  const has = async (table: string) =>
    (await tx.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [table])).rows[0].t !==
    null;
  const ofRecord = `SELECT event_id FROM events WHERE stream_id = $1`;
  if ((await has('notification_outbox')) && (await has('notification_digests'))) {
    const { rows: digests } = await tx.query<{ person_id: string; day: string; status: string }>(
      `SELECT d.person_id, d.day::text AS day, d.status FROM notification_digests d
        WHERE EXISTS (SELECT 1 FROM notification_outbox o
          WHERE o.person_id = d.person_id AND o.digest_day = d.day AND o.event_id IN (${ofRecord}))
        FOR UPDATE`,
      [recordId],
    );
    for (const d of digests) {
      if (d.status === 'pending') {
        await tx.query(`DELETE FROM notification_digests WHERE person_id = $1 AND day = $2`, [
          d.person_id,
          d.day,
        ]);
        await tx.query(
          `UPDATE notification_outbox SET digest_day = NULL WHERE person_id = $1 AND digest_day = $2`,
          [d.person_id, d.day],
        );
      } else {
        await tx.query(
          `UPDATE notification_digests SET subject = $3, body = $3 WHERE person_id = $1 AND day = $2`,
          [d.person_id, d.day, DISPOSED_COPY],
        );
      }
    }
    await tx.query(`DELETE FROM notification_outbox WHERE event_id IN (${ofRecord})`, [recordId]);
  }
  if (await has('idempotency_keys')) {
    const subject = recordId.replace(/^(follow-up|workshop)-/, '');
    await tx.query(`DELETE FROM idempotency_keys WHERE strpos(response::text, $1) > 0`, [subject]);
  }
}
