import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A workshop as the progress views show it (migration 1764500000000); written with plain SQL
 * by the workshops projection. Follow-up counts are not stored: queries count board rows. */
@Entity({ name: 'workshop_progress' })
@Index('workshop_progress_host_idx', ['hostAgency', 'heldOn', 'workshopId'])
@Index('workshop_progress_held_idx', ['heldOn', 'workshopId'])
export class WorkshopProgressEntity {
  @PrimaryColumn('uuid', { name: 'workshop_id' })
  workshopId!: string;

  @Column('text')
  title!: string;

  @Column('text', { name: 'host_agency' })
  hostAgency!: string;

  @Column('date', { name: 'held_on' })
  heldOn!: string;

  @Column('text', { array: true })
  counterparts!: string[];

  @Column('text', { name: 'attending_agencies', array: true })
  attendingAgencies!: string[];

  /** Stream version last applied: events at or below it are skipped. */
  @Column('integer')
  version!: number;

  @Column('bigint', { name: 'last_position' })
  lastPosition!: string;

  @Column('timestamptz', { name: 'last_changed_at' })
  lastChangedAt!: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
