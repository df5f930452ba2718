import { call, caller, Caller } from './http';

export const msitHead = caller('bureau_head', 'MSIT');
export const kisaHead = caller('bureau_head', 'KISA');
export const kisaOfficer = caller('agency_officer', 'KISA');
export const nisOfficer = caller('agency_officer', 'NIS');
export const auditor = caller('auditor');
export const admin = caller('admin');

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function must<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  who: Caller,
  body?: unknown,
): Promise<T> {
  const res = await call<T>(url, method, path, who, body);
  if (res.status >= 300)
    throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface WorkshopFixture {
  workshopId: string;
  actionId: string;
  requestId: string;
}

/** An MSIT workshop with OpenAI, one agreed action and one info request. */
export async function createWorkshop(url: string): Promise<WorkshopFixture> {
  const { id: workshopId } = await must<{ id: string }>(url, 'POST', '/v1/workshops', msitHead, {
    title: 'AI security workshop with OpenAI',
    heldOn: '2026-11-18',
    hostAgency: 'MSIT',
    counterparts: ['OPENAI'],
    attendingAgencies: ['MOFA', 'NIS', 'FSC', 'NAISC', 'AISI', 'KISA', 'FSI'],
    topics: ['AI models in cybersecurity'],
  });
  const { actionId } = await must<{ actionId: string }>(
    url,
    'POST',
    `/v1/workshops/${workshopId}/actions`,
    msitHead,
    {
      description: 'Continue working-level discussions on AI models in cybersecurity',
      ownerAgency: 'MSIT',
    },
  );
  const { requestId } = await must<{ requestId: string }>(
    url,
    'POST',
    `/v1/workshops/${workshopId}/info-requests`,
    msitHead,
    {
      subject: 'Share information on AI security threats',
      requestedBy: 'MSIT',
      requestedFrom: 'OPENAI',
    },
  );
  return { workshopId, actionId, requestId };
}

export type ReachableState = 'assigned' | 'acknowledged' | 'in_progress' | 'submitted' | 'declined';

const PATH_TO: Record<ReachableState, [Caller, string, object?][]> = {
  assigned: [],
  acknowledged: [[kisaOfficer, 'acknowledge']],
  in_progress: [
    [kisaOfficer, 'acknowledge'],
    [kisaOfficer, 'start'],
  ],
  submitted: [
    [kisaOfficer, 'acknowledge'],
    [kisaOfficer, 'start'],
    [kisaOfficer, 'submit', { response: 'done' }],
  ],
  declined: [[kisaOfficer, 'decline', { reason: 'not ours' }]],
};

/** A follow-up of MSIT's workshop assigned to KISA, driven to `state`. */
export async function createFollowUp(
  url: string,
  w: WorkshopFixture,
  state: ReachableState = 'assigned',
  title = 'Set up a working-level channel',
): Promise<string> {
  const { id } = await must<{ id: string }>(url, 'POST', '/v1/follow-ups', msitHead, {
    workshopId: w.workshopId,
    sourceId: w.actionId,
    assigneeAgency: 'KISA',
    title,
    dueAt: inDays(14),
  });
  for (const [who, verb, body] of PATH_TO[state]) {
    await must(url, 'POST', `/v1/follow-ups/${id}/${verb}`, who, body ?? {});
  }
  return id;
}
