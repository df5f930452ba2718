import { StatusCounts } from '../status-counts';

export interface FollowUpProgress {
  total: number;
  byStatus: StatusCounts;
  /** accepted / (total − cancelled); null when every follow-up is cancelled or there are none. */
  shareDone: number | null;
}

/** An agreed action or an info request with the follow-ups created from it. */
export interface SourceProgress {
  sourceId: string;
  /** The action's description or the request's subject. */
  summary: string;
  /** The action's owner agency, or who the information is requested from. */
  agency: string;
  dueDate: string | null;
  followUps: FollowUpProgress;
}

export interface WorkshopProgressView {
  workshopId: string;
  title: string;
  hostAgency: string;
  heldOn: string;
  counterparts: string[];
  attendingAgencies: string[];
  version: number;
  /** Every follow-up of the workshop, whatever its source. */
  followUps: FollowUpProgress;
  actions: SourceProgress[];
  requests: SourceProgress[];
}
