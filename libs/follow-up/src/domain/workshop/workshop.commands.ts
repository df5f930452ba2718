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

export type WorkshopCommand = HoldWorkshop | AgreeAction | RequestInfo;
