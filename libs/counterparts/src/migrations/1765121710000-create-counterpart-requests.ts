import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counterpart requests' read table: a projection of the `counterpart-request-<uuid>` streams,
 * written in the transaction of each append (libs/counterparts/src/tables/) and rebuilt from the
 * log by rebuildCounterpartRequests. The bureau's "what is still owed" and the reminder sweep read it.
 */
export class CreateCounterpartRequests1765121710000 implements MigrationInterface {
  name = 'CreateCounterpartRequests1765121710000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE counterpart_requests (
        id               uuid         PRIMARY KEY,
        workshop_id      uuid         NOT NULL,
        info_request_id  uuid         NOT NULL,
        counterpart      text         NOT NULL,
        subject          text         NOT NULL,
        requested_by     text         NOT NULL,
        host_agency      text         NOT NULL,
        liaison_agency   text         NOT NULL,
        status           text         NOT NULL,
        due_at           timestamptz,
        reminded_due_at  timestamptz,
        answers          integer      NOT NULL,
        chases           integer      NOT NULL,
        last_answer_at   timestamptz,
        created_at       timestamptz  NOT NULL,
        version          integer      NOT NULL,
        updated_at       timestamptz  NOT NULL
      )`);
    await q.query(
      'CREATE INDEX counterpart_requests_by_agency ON counterpart_requests (liaison_agency, status)',
    );
    await q.query(
      'CREATE INDEX counterpart_requests_by_host ON counterpart_requests (host_agency, status)',
    );
    // The sweep's question: owed, due, not yet reminded for this due time.
    await q.query(`CREATE INDEX counterpart_requests_due ON counterpart_requests (due_at)
      WHERE status IN ('sent', 'acknowledged', 'partially_answered')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE counterpart_requests');
  }
}
