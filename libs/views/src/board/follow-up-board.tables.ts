import { ProjectionTable } from '../projection';
import { qualified } from '../sql-identifiers';

/** DDL of `follow_up_board` for any schema; must match migrations 1764500000000/1. */
export const followUpBoardTable: ProjectionTable = {
  name: 'follow_up_board',
  key: 'follow_up_id',
  createTable: (schema) => `
    CREATE TABLE ${qualified(schema, 'follow_up_board')} (
      follow_up_id     uuid         PRIMARY KEY,
      workshop_id      uuid         NOT NULL,
      host_agency      text         NOT NULL,
      source_id        uuid         NOT NULL,
      source_kind      text         NOT NULL,
      assignee_agency  text         NOT NULL,
      title            text         NOT NULL,
      status           text         NOT NULL,
      priority         text         NOT NULL,
      priority_rank    smallint     GENERATED ALWAYS AS (CASE priority
                         WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0
                       END) STORED,
      due_at           timestamptz  NOT NULL,
      overdue          boolean      NOT NULL,
      escalated        boolean      NOT NULL,
      is_open          boolean      GENERATED ALWAYS AS
                         (status NOT IN ('accepted', 'cancelled')) STORED,
      version          integer      NOT NULL,
      last_position    bigint       NOT NULL,
      last_event_type  text         NOT NULL,
      last_changed_at  timestamptz  NOT NULL,
      created_at       timestamptz  NOT NULL
    )`,
  createIndexes: (schema) => {
    const t = qualified(schema, 'follow_up_board');
    return [
      `CREATE INDEX IF NOT EXISTS follow_up_board_assignee_idx
         ON ${t} (assignee_agency, status, due_at, follow_up_id)`,
      `CREATE INDEX IF NOT EXISTS follow_up_board_host_idx
         ON ${t} (host_agency, status, due_at, follow_up_id)`,
      `CREATE INDEX IF NOT EXISTS follow_up_board_workshop_idx ON ${t} (workshop_id)`,
      `CREATE INDEX IF NOT EXISTS follow_up_board_overdue_idx
         ON ${t} (due_at, follow_up_id) WHERE overdue AND is_open`,
      `CREATE INDEX IF NOT EXISTS follow_up_board_due_idx ON ${t} (due_at, follow_up_id)`,
      `CREATE INDEX IF NOT EXISTS follow_up_board_changed_idx
         ON ${t} (last_changed_at, follow_up_id)`,
      `CREATE INDEX IF NOT EXISTS follow_up_board_priority_idx
         ON ${t} (priority_rank, follow_up_id)`,
      // migration 1764500000001: each sort within an officer's or a bureau head's scope
      ...['assignee', 'host'].flatMap((scope) => [
        `CREATE INDEX IF NOT EXISTS follow_up_board_${scope}_due_idx
           ON ${t} (${scope}_agency, due_at, follow_up_id)`,
        `CREATE INDEX IF NOT EXISTS follow_up_board_${scope}_changed_idx
           ON ${t} (${scope}_agency, last_changed_at, follow_up_id)`,
        `CREATE INDEX IF NOT EXISTS follow_up_board_${scope}_priority_idx
           ON ${t} (${scope}_agency, priority_rank, follow_up_id)`,
      ]),
    ];
  },
};
