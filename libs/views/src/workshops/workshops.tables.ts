import { ProjectionTable } from '../projection';
import { qualified } from '../sql-identifiers';

/** DDL of the workshop tables for any schema; must match migration 1764500000000. */
export const workshopProgressTable: ProjectionTable = {
  name: 'workshop_progress',
  key: 'workshop_id',
  createTable: (schema) => `
    CREATE TABLE ${qualified(schema, 'workshop_progress')} (
      workshop_id         uuid         PRIMARY KEY,
      title               text         NOT NULL,
      host_agency         text         NOT NULL,
      held_on             date         NOT NULL,
      counterparts        text[]       NOT NULL,
      attending_agencies  text[]       NOT NULL,
      version             integer      NOT NULL,
      last_position       bigint       NOT NULL,
      last_changed_at     timestamptz  NOT NULL,
      created_at          timestamptz  NOT NULL
    )`,
  createIndexes: (schema) => {
    const t = qualified(schema, 'workshop_progress');
    return [
      `CREATE INDEX IF NOT EXISTS workshop_progress_host_idx
         ON ${t} (host_agency, held_on, workshop_id)`,
      `CREATE INDEX IF NOT EXISTS workshop_progress_held_idx ON ${t} (held_on, workshop_id)`,
    ];
  },
};

export const workshopSourcesTable: ProjectionTable = {
  name: 'workshop_progress_sources',
  key: 'source_id',
  createTable: (schema) => `
    CREATE TABLE ${qualified(schema, 'workshop_progress_sources')} (
      source_id    uuid         PRIMARY KEY,
      workshop_id  uuid         NOT NULL,
      source_kind  text         NOT NULL,
      summary      text         NOT NULL,
      agency       text         NOT NULL,
      due_date     date,
      version      integer      NOT NULL,
      recorded_at  timestamptz  NOT NULL
    )`,
  createIndexes: (schema) => [
    `CREATE INDEX IF NOT EXISTS workshop_progress_sources_workshop_idx
       ON ${qualified(schema, 'workshop_progress_sources')} (workshop_id, version)`,
  ],
};
