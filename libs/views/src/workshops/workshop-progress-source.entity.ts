import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An agreed action or an info request of a workshop (migration 1764500000000). */
@Entity({ name: 'workshop_progress_sources' })
@Index('workshop_progress_sources_workshop_idx', ['workshopId', 'version'])
export class WorkshopProgressSourceEntity {
  /** The actionId or requestId: follow-ups name it as their sourceId. */
  @PrimaryColumn('uuid', { name: 'source_id' })
  sourceId!: string;

  @Column('uuid', { name: 'workshop_id' })
  workshopId!: string;

  /** 'action' | 'info_request' */
  @Column('text', { name: 'source_kind' })
  sourceKind!: string;

  /** The action's description or the request's subject. */
  @Column('text')
  summary!: string;

  /** The action's owner agency, or who the information is requested from. */
  @Column('text')
  agency!: string;

  @Column('date', { name: 'due_date', nullable: true })
  dueDate!: string | null;

  /** The workshop stream version of the event that recorded it. */
  @Column('integer')
  version!: number;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
