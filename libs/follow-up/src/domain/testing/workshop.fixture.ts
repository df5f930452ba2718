/** The scenario of DESIGN.md: MSIT hosts OpenAI on AI security; one action, one request. */
import { foldEvents } from '../decider';
import { ActionAgreed, InfoRequested, WorkshopEvent, WorkshopHeld } from '../events';
import { workshopDecider } from '../workshop/workshop.decider';
import { WorkshopState } from '../workshop/workshop.state';

export const WORKSHOP_ID = 'w-1';
export const ACTION_ID = 'a-1';
export const REQUEST_ID = 'r-1';

export const workshopHeld = (overrides: Partial<WorkshopHeld> = {}): WorkshopEvent => ({
  type: 'WorkshopHeld',
  data: {
    workshopId: WORKSHOP_ID,
    title: 'AI security with OpenAI',
    heldOn: '2025-03-04',
    hostAgency: 'MSIT',
    counterparts: ['OPENAI'],
    attendingAgencies: ['KISA', 'AISI'],
    topics: ['model evaluations'],
    ...overrides,
  },
});

export const actionAgreed = (overrides: Partial<ActionAgreed> = {}): WorkshopEvent => ({
  type: 'ActionAgreed',
  data: {
    workshopId: WORKSHOP_ID,
    actionId: ACTION_ID,
    description: 'Draft a red-teaming protocol',
    ownerAgency: 'KISA',
    supportingAgencies: ['AISI'],
    dueDate: '2025-04-01',
    ...overrides,
  },
});

export const infoRequested = (overrides: Partial<InfoRequested> = {}): WorkshopEvent => ({
  type: 'InfoRequested',
  data: {
    workshopId: WORKSHOP_ID,
    requestId: REQUEST_ID,
    subject: 'Incident reporting channels',
    requestedBy: 'MSIT',
    requestedFrom: 'OPENAI',
    ...overrides,
  },
});

/** MSIT's workshop with action a-1 and request r-1, as a follow-up assignment sees it. */
export const heldWorkshop = (...extra: WorkshopEvent[]): WorkshopState =>
  foldEvents(workshopDecider, [workshopHeld(), actionAgreed(), infoRequested(), ...extra]);
