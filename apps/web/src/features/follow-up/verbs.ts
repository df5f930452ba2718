import type { FollowUp } from '../../api/client';

type Status = FollowUp['status'];

/** What a verb asks the person for, each the name of its field in the request body. */
export type VerbField = 'note' | 'response' | 'reason' | 'dueAt' | 'assigneeAgency' | 'officerId';

export interface VerbRule {
  /** The domain command (FOLLOW_UP_VERBS in libs/follow-up): a spec holds this copy to it. */
  kind: string;
  /** The assigned agency's officers, or the host's bureau heads. */
  party: 'assignee' | 'host';
  from: readonly Status[];
  fields: readonly VerbField[];
}

const OPEN: readonly Status[] = [
  'assigned',
  'routed',
  'acknowledged',
  'in_progress',
  'submitted',
  'rejected',
  'declined',
  'reassigned',
];
const CLAIMABLE = OPEN.filter((s) => s !== 'declined');

/**
 * The verbs a person may use on a task and the states each applies in: a copy of the domain's
 * table, so the page offers only what the API will accept (verbs.spec.ts compares the two).
 * In the order the page shows them.
 */
export const VERBS = {
  claim: { kind: 'ClaimFollowUp', party: 'assignee', from: CLAIMABLE, fields: [] },
  acknowledge: {
    kind: 'AcknowledgeFollowUp',
    party: 'assignee',
    from: ['assigned', 'routed', 'reassigned'],
    fields: [],
  },
  start: {
    kind: 'StartFollowUp',
    party: 'assignee',
    from: ['acknowledged', 'rejected'],
    fields: [],
  },
  progress: { kind: 'ReportProgress', party: 'assignee', from: ['in_progress'], fields: ['note'] },
  submit: {
    kind: 'SubmitFollowUp',
    party: 'assignee',
    from: ['in_progress'],
    fields: ['response'],
  },
  decline: {
    kind: 'DeclineFollowUp',
    party: 'assignee',
    from: ['assigned', 'routed', 'reassigned', 'acknowledged', 'in_progress'],
    fields: ['reason'],
  },
  handOver: { kind: 'HandOverFollowUp', party: 'assignee', from: CLAIMABLE, fields: ['officerId'] },
  accept: { kind: 'AcceptFollowUp', party: 'host', from: ['submitted'], fields: [] },
  reject: { kind: 'RejectFollowUp', party: 'host', from: ['submitted'], fields: ['reason'] },
  reassign: {
    kind: 'ReassignFollowUp',
    party: 'host',
    from: ['declined', 'assigned', 'routed', 'reassigned', 'acknowledged', 'in_progress'],
    fields: ['assigneeAgency', 'reason'],
  },
  extend: { kind: 'ExtendDueDate', party: 'host', from: OPEN, fields: ['dueAt', 'reason'] },
  cancel: { kind: 'CancelFollowUp', party: 'host', from: OPEN, fields: ['reason'] },
} as const satisfies Record<string, VerbRule>;

export type Verb = keyof typeof VERBS;

export interface Viewer {
  /** The person's id: a claimed task is worked by its officer (담당자) only. */
  id?: string;
  roles: readonly string[];
  agency?: string;
}

type TaskFacts = Pick<FollowUp, 'status' | 'assigneeAgency'> & {
  hostAgency?: string;
  officerId?: string | null;
};

function actsAs(party: VerbRule['party'], task: TaskFacts, viewer: Viewer): boolean {
  if (party === 'host') {
    return viewer.roles.includes('bureau_head') && viewer.agency === task.hostAgency;
  }
  if (!viewer.roles.includes('agency_officer') || viewer.agency !== task.assigneeAgency) {
    return false;
  }
  // Unclaimed: anyone of the agency may work it. Claimed: its officer only.
  const claimed = task.officerId !== undefined && task.officerId !== null;
  return !claimed || task.officerId === viewer.id;
}

/** The verbs this person may use on this task now, in the order the page shows them. */
export function availableVerbs(task: TaskFacts, viewer: Viewer): Verb[] {
  const claimed = task.officerId !== undefined && task.officerId !== null;
  return (Object.keys(VERBS) as Verb[]).filter((verb) => {
    const rule: VerbRule = VERBS[verb];
    return (
      actsAs(rule.party, task, viewer) &&
      (verb !== 'claim' || !claimed) &&
      rule.from.includes(task.status)
    );
  });
}

export function fieldsOf(verb: Verb): readonly VerbField[] {
  const rule: VerbRule = VERBS[verb];
  return rule.fields;
}
