/**
 * fast-check generators of VALID histories: workshops with their actions and requests, and
 * follow-ups that walk the state machine of DESIGN.md one allowed step at a time, so every
 * sequence is one the deciders could have produced.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DomainEvent, FollowUpPriority, FollowUpStatus } from '@liaison/follow-up';

export interface StreamHistory {
  streamId: string;
  events: DomainEvent[];
}

export interface History {
  workshops: StreamHistory[];
  followUps: StreamHistory[];
}

export const HOSTS = ['MSIT', 'MOFA'] as const;
export const ASSIGNEES = ['KISA', 'NIS', 'AISI', 'FSC'] as const;
const PRIORITIES: FollowUpPriority[] = ['low', 'normal', 'high', 'urgent'];
const BASE = Date.parse('2025-03-01T00:00:00.000Z');
const DAY = 86_400_000;

interface Walk {
  status: FollowUpStatus;
  agency: string;
  dueAt: string;
  overdue: boolean;
  escalated: boolean;
  /** The named officer (담당자), if any. */
  officer?: string;
}

/** Two officers per agency, as person ids. */
const officerOf = (agency: string, pick: number) =>
  `00000000-0000-4000-8000-${String(agency.charCodeAt(0) * 100 + agency.length).padStart(10, '0')}0${pick % 2}`;

type Step = (w: Walk, id: string, pick: number) => { event: DomainEvent; next: Walk };

const to =
  (status: FollowUpStatus): Step =>
  (w, followUpId) => ({
    event: statusEvent(status, followUpId, w.agency),
    next: { ...w, status },
  });

/** The allowed steps from each open status (closed ones have none). */
const STEPS: Partial<Record<FollowUpStatus, Step[]>> = {
  assigned: [to('routed'), to('cancelled')],
  routed: [to('acknowledged'), to('declined'), to('cancelled'), delivered(), routingFailed()],
  acknowledged: [to('in_progress'), to('declined'), to('cancelled')],
  in_progress: [progress(), to('submitted'), to('declined'), to('cancelled')],
  submitted: [to('accepted'), to('rejected'), to('cancelled')],
  rejected: [to('in_progress'), to('cancelled')],
  declined: [reassigned(), to('cancelled')],
  reassigned: [to('routed'), to('cancelled')],
};

/** Claims and hand-overs, allowed in every open status but declined. */
function officerSteps(w: Walk): Step[] {
  if (w.status === 'declined') return [];
  return w.officer === undefined ? [claimed(), handedOver()] : [handedOver()];
}

function claimed(): Step {
  return (w, followUpId, pick) => {
    const officerId = officerOf(w.agency, pick);
    return {
      event: { type: 'FollowUpClaimed', data: { followUpId, agency: w.agency, officerId } },
      next: { ...w, officer: officerId },
    };
  };
}

function handedOver(): Step {
  return (w, followUpId, pick) => {
    // Never to the officer who has it (the rules refuse that).
    const officerId =
      w.officer === undefined
        ? officerOf(w.agency, pick)
        : officerOf(w.agency, w.officer === officerOf(w.agency, 0) ? 1 : 0);
    const from = w.officer === undefined ? {} : { fromOfficerId: w.officer };
    return {
      event: {
        type: 'FollowUpHandedOver',
        data: { followUpId, agency: w.agency, ...from, officerId, reason: 'on leave' },
      },
      next: { ...w, officer: officerId },
    };
  };
}

/** Timer and deadline facts, allowed in every open status. */
function timerSteps(w: Walk): Step[] {
  const steps: Step[] = [extended(), reminder()];
  if (!w.overdue) steps.push(overdue());
  // Escalations also come from routing failures, before the due time.
  if (!w.escalated) steps.push(escalated());
  return steps;
}

function statusEvent(status: FollowUpStatus, followUpId: string, agency: string): DomainEvent {
  switch (status) {
    case 'routed':
      return { type: 'FollowUpRouted', data: { followUpId, agency, queue: `agency-${agency}` } };
    case 'acknowledged':
      return { type: 'FollowUpAcknowledged', data: { followUpId, agency } };
    case 'in_progress':
      return { type: 'FollowUpStarted', data: { followUpId, agency } };
    case 'submitted':
      return { type: 'FollowUpSubmitted', data: { followUpId, agency, response: 'done' } };
    case 'accepted':
      return { type: 'FollowUpAccepted', data: { followUpId } };
    case 'rejected':
      return { type: 'FollowUpRejected', data: { followUpId, reason: 'incomplete' } };
    case 'declined':
      return { type: 'FollowUpDeclined', data: { followUpId, agency, reason: 'not ours' } };
    case 'cancelled':
      return { type: 'FollowUpCancelled', data: { followUpId, reason: 'no longer needed' } };
    default:
      throw new Error(`no plain event moves to ${status}`);
  }
}

function delivered(): Step {
  return (w, followUpId) => ({
    event: {
      type: 'FollowUpDelivered',
      data: { followUpId, agency: w.agency, channel: 'inbox', attempts: 1 },
    },
    next: w,
  });
}

function routingFailed(): Step {
  return (w, followUpId) => ({
    event: { type: 'FollowUpRoutingFailed', data: { followUpId, agency: w.agency, reason: '500' } },
    next: w,
  });
}

function progress(): Step {
  return (w, followUpId) => ({
    event: {
      type: 'FollowUpProgressReported',
      data: { followUpId, agency: w.agency, note: 'on it' },
    },
    next: w,
  });
}

function reassigned(): Step {
  return (w, followUpId, pick) => {
    const others = ASSIGNEES.filter((a) => a !== w.agency);
    const assigneeAgency = others[pick % others.length];
    // Every other reassignment names the new agency's officer; the rest leave it unclaimed.
    const officerId =
      Math.floor(pick / others.length) % 2 === 0 ? officerOf(assigneeAgency, pick) : undefined;
    return {
      event: {
        type: 'FollowUpReassigned',
        data: {
          followUpId,
          fromAgency: w.agency,
          assigneeAgency,
          reason: 'better placed',
          ...(officerId !== undefined && { officerId }),
        },
      },
      next: { ...w, status: 'reassigned', agency: assigneeAgency, officer: officerId },
    };
  };
}

function extended(): Step {
  return (w, followUpId, pick) => {
    const dueAt = new Date(Date.parse(w.dueAt) + ((pick % 20) + 1) * DAY).toISOString();
    return {
      event: {
        type: 'FollowUpDueDateExtended',
        data: { followUpId, previousDueAt: w.dueAt, dueAt, reason: 'more time' },
      },
      next: { ...w, dueAt, overdue: false, escalated: false },
    };
  };
}

function reminder(): Step {
  return (w, followUpId) => ({
    event: { type: 'FollowUpReminderSent', data: { followUpId, agency: w.agency, dueAt: w.dueAt } },
    next: w,
  });
}

function overdue(): Step {
  return (w, followUpId) => ({
    event: { type: 'FollowUpOverdue', data: { followUpId, agency: w.agency, dueAt: w.dueAt } },
    next: { ...w, overdue: true },
  });
}

function escalated(): Step {
  return (w, followUpId) => ({
    event: {
      type: 'FollowUpEscalated',
      data: { followUpId, toAgency: 'MSIT', reason: w.overdue ? 'overdue' : 'routing failed' },
    },
    next: { ...w, escalated: w.overdue },
  });
}

/** Walks the machine: each pick chooses one of the steps allowed at that moment. */
export function walkFollowUp(
  assignedEvent: Extract<DomainEvent, { type: 'FollowUpAssigned' }>,
  picks: readonly number[],
): DomainEvent[] {
  const { followUpId, assigneeAgency, dueAt } = assignedEvent.data;
  let w: Walk = {
    status: 'assigned',
    agency: assigneeAgency,
    dueAt,
    overdue: false,
    escalated: false,
  };
  const events: DomainEvent[] = [assignedEvent];
  for (const pick of picks) {
    const steps = [...(STEPS[w.status] ?? [])];
    if (steps.length === 0) break; // accepted or cancelled: nothing more happens
    steps.push(...timerSteps(w), ...officerSteps(w));
    const { event, next } = steps[pick % steps.length](
      w,
      followUpId,
      Math.floor(pick / steps.length),
    );
    events.push(event);
    w = next;
  }
  return events;
}

interface WorkshopShape {
  host: (typeof HOSTS)[number];
  sources: { kind: 'action' | 'info_request'; agency: string; dueInDays: number | null }[];
}

const workshopShape: fc.Arbitrary<WorkshopShape> = fc.record({
  host: fc.constantFrom(...HOSTS),
  sources: fc.array(
    fc.record({
      kind: fc.constantFrom('action' as const, 'info_request' as const),
      agency: fc.constantFrom(...ASSIGNEES, 'OPENAI'),
      dueInDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

const followUpShape = fc.record({
  workshop: fc.nat(),
  source: fc.nat(),
  assignee: fc.constantFrom(...ASSIGNEES),
  priority: fc.constantFrom(...PRIORITIES),
  dueInHours: fc.integer({ min: 1, max: 24 * 90 }),
  picks: fc.array(fc.nat({ max: 1000 }), { maxLength: 24 }),
});

type FollowUpShape = typeof followUpShape extends fc.Arbitrary<infer T> ? T : never;

/** Ids are made fresh per generated value (uuids), so runs never collide in a shared DB. */
export const historyArbitrary: fc.Arbitrary<History> = fc
  .record({
    workshops: fc.array(workshopShape, { minLength: 1, maxLength: 3 }),
    followUps: fc.array(followUpShape, { minLength: 1, maxLength: 8 }),
  })
  .map(({ workshops, followUps }) => buildHistory(workshops, followUps));

function buildHistory(shapes: WorkshopShape[], followUpShapes: FollowUpShape[]): History {
  const workshops = shapes.map((shape, i) => {
    const workshopId = randomUUID();
    const events: DomainEvent[] = [
      {
        type: 'WorkshopHeld',
        data: {
          workshopId,
          title: `Workshop ${i}`,
          heldOn: new Date(BASE + i * DAY).toISOString().slice(0, 10),
          hostAgency: shape.host,
          counterparts: ['OPENAI'],
          attendingAgencies: [...ASSIGNEES],
          topics: ['AI security'],
        },
      },
    ];
    for (const [j, s] of shape.sources.entries()) {
      const dueDate =
        s.dueInDays === null
          ? undefined
          : new Date(BASE + s.dueInDays * DAY).toISOString().slice(0, 10);
      events.push(
        s.kind === 'action'
          ? {
              type: 'ActionAgreed',
              data: {
                workshopId,
                actionId: randomUUID(),
                description: `Action ${j}`,
                ownerAgency: s.agency,
                supportingAgencies: [],
                ...(dueDate && { dueDate }),
              },
            }
          : {
              type: 'InfoRequested',
              data: {
                workshopId,
                requestId: randomUUID(),
                subject: `Request ${j}`,
                requestedBy: shape.host,
                requestedFrom: s.agency,
                ...(dueDate && { dueDate }),
              },
            },
      );
    }
    return { streamId: `workshop-${workshopId}`, events, shape };
  });
  const followUps = followUpShapes.map((f) => {
    const w = workshops[f.workshop % workshops.length];
    const sourceEvents = w.events.slice(1);
    const source = sourceEvents[f.source % sourceEvents.length];
    const followUpId = randomUUID();
    const sourceId =
      source.type === 'ActionAgreed'
        ? source.data.actionId
        : source.type === 'InfoRequested'
          ? source.data.requestId
          : '';
    const events = walkFollowUp(
      {
        type: 'FollowUpAssigned',
        data: {
          followUpId,
          workshopId: w.streamId.slice('workshop-'.length),
          hostAgency: w.shape.host,
          sourceId,
          sourceKind: source.type === 'ActionAgreed' ? 'action' : 'info_request',
          assigneeAgency: f.assignee,
          title: `Follow-up ${followUpId.slice(0, 8)}`,
          dueAt: new Date(BASE + f.dueInHours * 3_600_000).toISOString(),
          priority: f.priority,
        },
      },
      f.picks,
    );
    return { streamId: `follow-up-${followUpId}`, events };
  });
  return { workshops: workshops.map(({ streamId, events }) => ({ streamId, events })), followUps };
}
