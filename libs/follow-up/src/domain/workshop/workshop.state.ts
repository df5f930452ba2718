import { assertNever } from '../decider';
import { Classification } from '../classification';
import { WorkshopEvent } from '../events';

export interface AgreedAction {
  description: string;
  ownerAgency: string;
  supportingAgencies: readonly string[];
  dueDate?: string;
}

export interface InfoRequest {
  subject: string;
  requestedBy: string;
  requestedFrom: string;
  dueDate?: string;
}

/** Records rather than Maps so the state serialises as it is (snapshots, read models). */
export interface WorkshopState {
  exists: boolean;
  workshopId: string;
  title: string;
  heldOn: string;
  hostAgency: string;
  counterparts: readonly string[];
  attendingAgencies: readonly string[];
  topics: readonly string[];
  summary?: string;
  /** Absent: public. Its follow-ups inherit it when they are assigned. */
  classification?: Classification;
  actions: Readonly<Record<string, AgreedAction>>;
  requests: Readonly<Record<string, InfoRequest>>;
}

export const initialWorkshopState: WorkshopState = Object.freeze({
  exists: false,
  workshopId: '',
  title: '',
  heldOn: '',
  hostAgency: '',
  counterparts: [],
  attendingAgencies: [],
  topics: [],
  actions: {},
  requests: {},
});

/** Own keys only: an id such as `constructor` must not match Object.prototype. */
export const hasAction = (state: WorkshopState, actionId: string): boolean =>
  Object.hasOwn(state.actions, actionId);
export const hasRequest = (state: WorkshopState, requestId: string): boolean =>
  Object.hasOwn(state.requests, requestId);

export function evolveWorkshop(state: WorkshopState, event: WorkshopEvent): WorkshopState {
  switch (event.type) {
    case 'WorkshopHeld': {
      const { workshopId, title, heldOn, hostAgency, summary, classification } = event.data;
      return {
        exists: true,
        workshopId,
        title,
        heldOn,
        hostAgency,
        counterparts: [...event.data.counterparts],
        attendingAgencies: [...event.data.attendingAgencies],
        topics: [...event.data.topics],
        ...(summary !== undefined && { summary }),
        ...(classification !== undefined && { classification }),
        actions: {},
        requests: {},
      };
    }
    case 'ActionAgreed': {
      const { actionId, description, ownerAgency, supportingAgencies, dueDate } = event.data;
      const action: AgreedAction = {
        description,
        ownerAgency,
        supportingAgencies: [...supportingAgencies],
        ...(dueDate !== undefined && { dueDate }),
      };
      return { ...state, actions: { ...state.actions, [actionId]: action } };
    }
    case 'InfoRequested': {
      const { requestId, subject, requestedBy, requestedFrom, dueDate } = event.data;
      const request: InfoRequest = {
        subject,
        requestedBy,
        requestedFrom,
        ...(dueDate !== undefined && { dueDate }),
      };
      return { ...state, requests: { ...state.requests, [requestId]: request } };
    }
    case 'WorkshopClassificationChanged':
      return { ...state, classification: event.data.classification };
    default:
      return assertNever(event);
  }
}
