import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The meeting series list (GET /v1/meeting-series), written in the transaction of each append
 * to a `meeting-series-<uuid>` stream, so a series is listed by the very next request. The
 * detail is folded from the stream itself; this table only finds and scopes series.
 */
export class CreateMeetingSeries1765110000000 implements MigrationInterface {
  name = 'CreateMeetingSeries1765110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS meeting_series (
      series_id uuid PRIMARY KEY,
      workshop_id uuid NOT NULL,
      action_id uuid NOT NULL,
      host_agency text NOT NULL,
      title text NOT NULL,
      reader_agencies text[] NOT NULL,
      meetings integer NOT NULL,
      held integer NOT NULL,
      next_starts_at timestamptz,
      last_held_on date,
      version integer NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await q.query(
      'CREATE INDEX IF NOT EXISTS meeting_series_host_idx ON meeting_series (host_agency, updated_at)',
    );
    await q.query(
      'CREATE INDEX IF NOT EXISTS meeting_series_readers_idx ON meeting_series USING gin (reader_agencies)',
    );
    await q.query(
      'CREATE INDEX IF NOT EXISTS meeting_series_workshop_idx ON meeting_series (workshop_id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE meeting_series');
  }
}
