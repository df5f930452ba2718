import { Pool, PoolClient } from 'pg';
import { Checkpoint, EventStore, START, StoredEvent } from '@liaison/event-store';
import { inTransaction } from '@liaison/platform';
import { defaultRetention } from '../domain';
import { insertRecordRow } from '../tables/records.table';
import { RecordWriter } from '../writing/record-writer';

const SYSTEM = { id: 'system:records-clocks', role: 'system' };
/** Events whose subject is done with: the follow-up's record closes, its clock starts. */
const CLOSING = new Set(['FollowUpAccepted', 'FollowUpCancelled']);

/**
 * The records' projection of the log: a row per workshop and follow-up (with its kind's default
 * retention) when the log first shows it, and RecordClosed when its subject closes: a follow-up
 * when it is accepted or cancelled, a workshop when every follow-up it had is closed. Reads the
 * log after its own checkpoint, under an advisory lock, and moves the checkpoint in the same
 * transaction as the events it appends: run it as often as wanted, from any process.
 */
export class RecordClocks {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly writer: RecordWriter,
  ) {}

  async catchUp(now: () => Date = () => new Date()): Promise<number> {
    const appended = await inTransaction(this.pool, async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('liaison:records:clocks'))`);
      const { rows } = await tx.query<{ transaction_id: string; position: string }>(
        'SELECT transaction_id, position FROM records_clock_checkpoint WHERE id = 1',
      );
      let checkpoint: Checkpoint = rows[0]
        ? { transactionId: rows[0].transaction_id, position: Number(rows[0].position) }
        : START;
      let closed = 0;
      for (;;) {
        const page = await this.store.readAll({ after: checkpoint, limit: 500, client: tx });
        for (const e of page.events) closed += await this.handle(tx, e, now());
        if (page.events.length === 0) break;
        checkpoint = page.checkpoint;
      }
      await tx.query(
        `INSERT INTO records_clock_checkpoint (id, transaction_id, position) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET transaction_id = $1, position = $2`,
        [checkpoint.transactionId, checkpoint.position],
      );
      return closed;
    });
    if (appended > 0) this.store.announceAppends();
    return appended;
  }

  private async handle(tx: PoolClient, e: StoredEvent, now: Date): Promise<number> {
    const d = e.data as Record<string, unknown>;
    if (e.type === 'WorkshopHeld') {
      const id = String(d.workshopId);
      await insertRecordRow(
        tx,
        { recordId: `workshop-${id}`, kind: 'workshop', subjectId: id, workshopId: id },
        defaultRetention('workshop'),
      );
      return 0;
    }
    if (e.type === 'FollowUpAssigned') {
      const id = String(d.followUpId);
      await insertRecordRow(
        tx,
        {
          recordId: `follow-up-${id}`,
          kind: 'follow-up',
          subjectId: id,
          workshopId: typeof d.workshopId === 'string' ? d.workshopId : null,
        },
        defaultRetention('follow-up', {
          sourceKind: String(d.sourceKind),
          contribution: d.kind === 'contribution',
        }),
      );
      return 0;
    }
    if (!CLOSING.has(e.type) || !e.streamId.startsWith('follow-up-')) return 0;
    const closedAt = e.recordedAt.toISOString();
    const { appended } = await this.writer.writeIn(
      tx,
      e.streamId,
      { type: 'CloseRecord', closedAt, cause: e.type },
      SYSTEM,
      now,
    );
    let n = appended.length;
    const { rows } = await tx.query<{ workshop_id: string | null; open: string }>(
      `SELECT r.workshop_id, (SELECT count(*) FROM records o WHERE o.kind = 'follow-up'
          AND o.workshop_id = r.workshop_id AND o.closed_at IS NULL) AS open
         FROM records r WHERE r.record_id = $1`,
      [e.streamId],
    );
    const workshopId = rows[0]?.workshop_id;
    if (workshopId && Number(rows[0].open) === 0) {
      const workshop = await tx.query('SELECT 1 FROM records WHERE record_id = $1', [
        `workshop-${workshopId}`,
      ]);
      if (workshop.rowCount) {
        const closedWorkshop = await this.writer.writeIn(
          tx,
          `workshop-${workshopId}`,
          { type: 'CloseRecord', closedAt, cause: 'all-follow-ups-closed' },
          SYSTEM,
          now,
        );
        n += closedWorkshop.appended.length;
      }
    }
    return n;
  }
}
