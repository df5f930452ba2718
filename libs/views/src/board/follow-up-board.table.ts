import {
  ClassificationLevel,
  FollowUpPriority,
  FollowUpStatus,
  SourceKind,
} from '@liaison/follow-up';
import {
  bigint,
  boolean,
  integer,
  nullable,
  TableRow,
  text,
  textArray,
  timestamptz,
  uuid,
  viewTable,
} from '../tables/view-table';

/** Every scope the board is read in (an officer's agency, a bureau head's) with each sort. */
const scopedSortIndexes = ['assignee', 'host'].flatMap((scope) => [
  {
    name: `follow_up_board_${scope}_due_idx`,
    columns: [`${scope}_agency`, 'due_at', 'follow_up_id'],
  },
  {
    name: `follow_up_board_${scope}_changed_idx`,
    columns: [`${scope}_agency`, 'last_changed_at', 'follow_up_id'],
  },
  {
    name: `follow_up_board_${scope}_priority_idx`,
    columns: [`${scope}_agency`, 'priority_rank', 'follow_up_id'],
  },
]);

/**
 * The follow-up board, one row per task: the one definition of `follow_up_board`. The board
 * projection writes it, the board queries read it, rebuilds create it from here; the live
 * table came from migrations 1764500000000, 1764500000001, 1764930000000, 1765140000000 and 1765160000000, which a spec
 * holds to this.
 */
export const followUpBoardTable = viewTable({
  name: 'follow_up_board',
  key: 'followUpId',
  columns: {
    followUpId: uuid('follow_up_id'),
    workshopId: uuid('workshop_id'),
    /** The workshop's host: its bureau heads see the row. */
    hostAgency: text('host_agency'),
    sourceId: uuid('source_id'),
    sourceKind: text<SourceKind>('source_kind'),
    /** The current assignee: its officers see the row (a former assignee no longer does). */
    assigneeAgency: text('assignee_agency'),
    title: text('title'),
    status: text<FollowUpStatus>('status'),
    priority: text<FollowUpPriority>('priority'),
    dueAt: timestamptz('due_at'),
    /** The overdue flag as the timers set it (cleared by an extension, kept once closed). */
    overdue: boolean('overdue'),
    escalated: boolean('escalated'),
    /** The stream version the row reflects: events at or below it are skipped, and it is the
     * value for `If-Match`. */
    version: integer('version'),
    lastPosition: bigint('last_position'),
    lastEventType: text('last_event_type'),
    lastChangedAt: timestamptz('last_changed_at'),
    createdAt: timestamptz('created_at'),
    /** The named officer (담당자, a person's id) of the assignee agency; null while unclaimed.
     * Last: migration 1764930000000 added it to live tables, where a new column goes last. */
    officerId: nullable(text('officer_id')),
    /** Joint tasks (주관/협조), migration 1765140000000: 'contribution' on a supporting
     * agency's contribution task, with the lead task it contributes to; null on other tasks. */
    kind: nullable(text<'contribution'>('kind')),
    leadFollowUpId: nullable(uuid('lead_follow_up_id')),
    /** On a lead task: the agencies asked for contributions, in the order asked (their officers
     * may read the task, as the follow-up policy says). */
    supportingAgencies: textArray('supporting_agencies'),
    /** Classification (migration 1765160000000): 'public', 'restricted' (officers of the named
     * agencies read it) or 'confidential' (the named people do); read-scope.ts filters on it. */
    classificationLevel: text<ClassificationLevel>('classification_level'),
    classificationAgencies: textArray('classification_agencies'),
    classificationPeople: textArray('classification_people'),
  },
  generated: [
    {
      name: 'priority_rank',
      type: 'smallint',
      as: `CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END`,
      after: 'priority',
    },
    {
      name: 'is_open',
      type: 'boolean',
      as: `status NOT IN ('accepted', 'cancelled')`,
      after: 'escalated',
    },
  ],
  indexes: [
    {
      name: 'follow_up_board_assignee_idx',
      columns: ['assignee_agency', 'status', 'due_at', 'follow_up_id'],
    },
    {
      name: 'follow_up_board_host_idx',
      columns: ['host_agency', 'status', 'due_at', 'follow_up_id'],
    },
    { name: 'follow_up_board_workshop_idx', columns: ['workshop_id'] },
    {
      name: 'follow_up_board_overdue_idx',
      columns: ['due_at', 'follow_up_id'],
      where: 'overdue AND is_open',
    },
    { name: 'follow_up_board_due_idx', columns: ['due_at', 'follow_up_id'] },
    { name: 'follow_up_board_changed_idx', columns: ['last_changed_at', 'follow_up_id'] },
    { name: 'follow_up_board_priority_idx', columns: ['priority_rank', 'follow_up_id'] },
    ...scopedSortIndexes,
    // A lead's contribution tasks.
    {
      name: 'follow_up_board_lead_idx',
      columns: ['lead_follow_up_id'],
      where: 'lead_follow_up_id IS NOT NULL',
    },
    // An officer's own tasks ("mine"), due first.
    {
      name: 'follow_up_board_officer_idx',
      columns: ['officer_id', 'due_at', 'follow_up_id'],
      where: 'officer_id IS NOT NULL',
    },
  ],
});

/** One task as the board keeps it and the queries answer it; times are ISO-8601 in UTC. */
export type FollowUpView = TableRow<typeof followUpBoardTable>;
