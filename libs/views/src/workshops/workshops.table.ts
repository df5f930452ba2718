import {
  bigint,
  date,
  integer,
  nullable,
  text,
  textArray,
  timestamptz,
  uuid,
  viewTable,
} from '../tables/view-table';
import { SourceKind } from '@liaison/follow-up';

/**
 * The workshops as the progress views show them: the one definition of `workshop_progress`
 * (the live table came from migration 1764500000000, which a spec holds to this). Follow-up
 * counts are not stored: the queries count board rows.
 */
export const workshopProgressTable = viewTable({
  name: 'workshop_progress',
  key: 'workshopId',
  columns: {
    workshopId: uuid('workshop_id'),
    title: text('title'),
    hostAgency: text('host_agency'),
    heldOn: date('held_on'),
    counterparts: textArray('counterparts'),
    attendingAgencies: textArray('attending_agencies'),
    /** Stream version last applied: events at or below it are skipped. */
    version: integer('version'),
    lastPosition: bigint('last_position'),
    lastChangedAt: timestamptz('last_changed_at'),
    createdAt: timestamptz('created_at'),
  },
  indexes: [
    { name: 'workshop_progress_host_idx', columns: ['host_agency', 'held_on', 'workshop_id'] },
    { name: 'workshop_progress_held_idx', columns: ['held_on', 'workshop_id'] },
  ],
});

/** A workshop's agreed actions and info requests: the one definition of
 * `workshop_progress_sources` (migration 1764500000000). A source is written once. */
export const workshopSourcesTable = viewTable({
  name: 'workshop_progress_sources',
  key: 'sourceId',
  columns: {
    /** The actionId or requestId: follow-ups name it as their sourceId. */
    sourceId: uuid('source_id'),
    workshopId: uuid('workshop_id'),
    sourceKind: text<SourceKind>('source_kind'),
    /** The action's description or the request's subject. */
    summary: text('summary'),
    /** The action's owner agency or the party the information is requested from. */
    agency: text('agency'),
    dueDate: nullable(date('due_date')),
    /** The workshop stream version of the event that recorded it. */
    version: integer('version'),
    recordedAt: timestamptz('recorded_at'),
  },
  indexes: [
    { name: 'workshop_progress_sources_workshop_idx', columns: ['workshop_id', 'version'] },
  ],
});
