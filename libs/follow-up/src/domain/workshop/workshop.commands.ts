import { Classification } from '../classification';

/** What a bureau head can record about a workshop. Ids are minted by the caller (the handler),
 * so a retried command carries the same id and is refused as a duplicate. */

export interface HoldWorkshop {
  kind: 'HoldWorkshop';
  workshopId: string;
  title: string;
  heldOn: string;
  hostAgency: string;
  counterparts: readonly string[];
  attendingAgencies: readonly string[];
  topics: readonly string[];
  summary?: string;
  /** Absent: public. */
  classification?: Classification;
}

export interface AgreeAction {
  kind: 'AgreeAction';
  workshopId: string;
  actionId: string;
  description: string;
  ownerAgency: string;
  supportingAgencies?: readonly string[];
  dueDate?: string;
}

export interface RequestInfo {
  kind: 'RequestInfo';
  workshopId: string;
  requestId: string;
  subject: string;
  requestedBy: string;
  requestedFrom: string;
  dueDate?: string;
}

/** The host bureau head raises or lowers the workshop's classification. */
export interface ChangeWorkshopClassification {
  kind: 'ChangeWorkshopClassification';
  workshopId: string;
  classification: Classification;
}

export type WorkshopCommand =
  HoldWorkshop | AgreeAction | RequestInfo | ChangeWorkshopClassification;
