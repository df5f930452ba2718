import type { FollowUp } from '../../api/client';

type Status = FollowUp['status'];

/** What a verb asks the person to write, and the body field it goes in. */
export type VerbInput = 'note' | 'response' | 'reason';

export interface VerbRule {
  /** The domain command (FOLLOW_UP_VERBS in libs/follow-up): a spec holds `from` to it. */
  kind: string;
  from: readonly Status[];
  input?: VerbInput;
}

/**
 * The assigned agency's verbs and the states each applies in: a copy of the domain's table,
 * so the page offers only what the API will accept (verbs.spec.ts compares the two).
 */
export const OFFICER_VERBS = {
  claim: {
    kind: 'ClaimFollowUp',
    from: [
      'assigned',
      'routed',
      'acknowledged',
      'in_progress',
      'submitted',
      'rejected',
      'reassigned',
    ],
  },
  acknowledge: { kind: 'AcknowledgeFollowUp', from: ['assigned', 'routed', 'reassigned'] },
  start: { kind: 'StartFollowUp', from: ['acknowledged', 'rejected'] },
  progress: { kind: 'ReportProgress', from: ['in_progress'], input: 'note' },
  submit: { kind: 'SubmitFollowUp', from: ['in_progress'], input: 'response' },
  decline: {
    kind: 'DeclineFollowUp',
    from: ['assigned', 'routed', 'reassigned', 'acknowledged', 'in_progress'],
    input: 'reason',
  },
} as const satisfies Record<string, VerbRule>;

export type OfficerVerb = keyof typeof OFFICER_VERBS;

export interface Viewer {
  /** The person's id: a claimed task is worked by its officer (담당자) only. */
  id?: string;
  roles: readonly string[];
  agency?: string;
}

/** The verbs this person may use on this task now, in the order the page shows them. */
export function availableVerbs(
  task: Pick<FollowUp, 'status' | 'assigneeAgency'> & { officerId?: string | null },
  viewer: Viewer,
): OfficerVerb[] {
  if (!viewer.roles.includes('agency_officer') || viewer.agency !== task.assigneeAgency) return [];
  const claimed = task.officerId !== undefined && task.officerId !== null;
  // Unclaimed: anyone of the agency may work it, or claim it. Claimed: its officer only.
  if (claimed && task.officerId !== viewer.id) return [];
  return (Object.keys(OFFICER_VERBS) as OfficerVerb[]).filter(
    (verb) =>
      (verb !== 'claim' || !claimed) &&
      (OFFICER_VERBS[verb].from as readonly Status[]).includes(task.status),
  );
}

export function inputOf(verb: OfficerVerb): VerbInput | undefined {
  const rule: VerbRule = OFFICER_VERBS[verb];
  return rule.input;
}
