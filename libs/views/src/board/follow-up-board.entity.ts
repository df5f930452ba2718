import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The follow-up board, one row per task (migrations 1764500000000 and 1764500000001). Written
 * only by the board projection with plain SQL; this entity documents the schema and lets
 * TypeORM tooling read it. Generated columns are marked so TypeORM never writes them.
 */
@Entity({ name: 'follow_up_board' })
@Index('follow_up_board_assignee_idx', ['assigneeAgency', 'status', 'dueAt', 'followUpId'])
@Index('follow_up_board_host_idx', ['hostAgency', 'status', 'dueAt', 'followUpId'])
@Index('follow_up_board_workshop_idx', ['workshopId'])
@Index('follow_up_board_overdue_idx', ['dueAt', 'followUpId'], { where: 'overdue AND is_open' })
@Index('follow_up_board_due_idx', ['dueAt', 'followUpId'])
@Index('follow_up_board_changed_idx', ['lastChangedAt', 'followUpId'])
@Index('follow_up_board_priority_idx', ['priorityRank', 'followUpId'])
@Index('follow_up_board_assignee_due_idx', ['assigneeAgency', 'dueAt', 'followUpId'])
@Index('follow_up_board_assignee_changed_idx', ['assigneeAgency', 'lastChangedAt', 'followUpId'])
@Index('follow_up_board_assignee_priority_idx', ['assigneeAgency', 'priorityRank', 'followUpId'])
@Index('follow_up_board_host_due_idx', ['hostAgency', 'dueAt', 'followUpId'])
@Index('follow_up_board_host_changed_idx', ['hostAgency', 'lastChangedAt', 'followUpId'])
@Index('follow_up_board_host_priority_idx', ['hostAgency', 'priorityRank', 'followUpId'])
export class FollowUpBoardEntity {
  @PrimaryColumn('uuid', { name: 'follow_up_id' })
  followUpId!: string;

  @Column('uuid', { name: 'workshop_id' })
  workshopId!: string;

  /** The workshop's host: its bureau heads see the row. */
  @Column('text', { name: 'host_agency' })
  hostAgency!: string;

  @Column('uuid', { name: 'source_id' })
  sourceId!: string;

  @Column('text', { name: 'source_kind' })
  sourceKind!: string;

  /** The current assignee: its officers see the row (a former assignee no longer does). */
  @Column('text', { name: 'assignee_agency' })
  assigneeAgency!: string;

  @Column('text')
  title!: string;

  @Column('text')
  status!: string;

  @Column('text')
  priority!: string;

  /** urgent 3, high 2, normal 1, low 0: sorts by priority. */
  @Column({
    type: 'smallint',
    name: 'priority_rank',
    generatedType: 'STORED',
    asExpression: `CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END`,
  })
  priorityRank!: number;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('boolean')
  overdue!: boolean;

  @Column('boolean')
  escalated!: boolean;

  /** Not accepted and not cancelled. */
  @Column({
    type: 'boolean',
    name: 'is_open',
    generatedType: 'STORED',
    asExpression: `status NOT IN ('accepted', 'cancelled')`,
  })
  isOpen!: boolean;

  /** Stream version last applied: events at or below it are skipped. */
  @Column('integer')
  version!: number;

  @Column('bigint', { name: 'last_position' })
  lastPosition!: string;

  @Column('text', { name: 'last_event_type' })
  lastEventType!: string;

  @Column('timestamptz', { name: 'last_changed_at' })
  lastChangedAt!: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
