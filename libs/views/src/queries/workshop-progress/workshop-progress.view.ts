import { WorkshopRow, WorkshopSourceRow } from '../../workshops/workshops.rows';
import { StatusCounts } from '../status-counts';

export interface FollowUpProgress {
  total: number;
  byStatus: StatusCounts;
  /** accepted / (total − cancelled); null when every follow-up is cancelled or there are none. */
  shareDone: number | null;
}

/** An agreed action or an info request with the follow-ups created from it. */
export interface SourceProgress extends Pick<
  WorkshopSourceRow,
  'sourceId' | 'summary' | 'agency' | 'dueDate'
> {
  followUps: FollowUpProgress;
}

/** A workshop's row as the projection keeps it, with its progress counted from the board. */
export interface WorkshopProgressView extends Pick<
  WorkshopRow,
  | 'workshopId'
  | 'title'
  | 'hostAgency'
  | 'heldOn'
  | 'counterparts'
  | 'attendingAgencies'
  | 'version'
> {
  /** Every follow-up of the workshop, whatever its source. */
  followUps: FollowUpProgress;
  actions: SourceProgress[];
  requests: SourceProgress[];
}
