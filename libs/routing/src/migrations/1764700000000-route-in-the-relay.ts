import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing moved from `route-follow-up` jobs on the `routing` queue into the relay itself. A
 * database from before may hold such jobs unfinished (relayed, not yet routed): nothing reads
 * that queue any more. They are closed in the ledger, and the relay's checkpoint is moved back
 * to just before the earliest of their assignments, so the relay routes them itself. What it
 * reads again is harmless: the decider refuses to route a task twice, and repeated jobs carry
 * the same ids.
 */
export class RouteInTheRelay1764700000000 implements MigrationInterface {
  name = 'RouteInTheRelay1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      WITH stranded AS (
        UPDATE job_ledger
           SET processed_at = now(), processed_by = 'migration',
               outcome = 'superseded: the relay routes assignments itself'
         WHERE name = 'route-follow-up' AND processed_at IS NULL
        RETURNING payload->>'eventId' AS event_id
      ),
      earliest AS (
        SELECT e.transaction_id, e.position
          FROM events e JOIN stranded s ON e.event_id::text = s.event_id
         ORDER BY e.transaction_id, e.position
         LIMIT 1
      )
      UPDATE subscription_checkpoints c
         SET transaction_id = earliest.transaction_id, position = earliest.position - 1,
             updated_at = now()
        FROM earliest
       WHERE c.name = 'relay:routing'
         AND (c.transaction_id, c.position) > (earliest.transaction_id, earliest.position - 1)`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the closed ledger rows describe jobs no worker can run any more.
  }
}
