import { Actor } from '@liaison/follow-up';
import { ReadForbiddenError } from './read.errors';
import { SqlParams } from './sql-params';

/**
 * The follow-up policy (domain/follow-up/follow-up.policy.ts, canSeeFollowUp) as a row filter:
 * bureau heads see what their agency hosts, officers what is currently assigned to their
 * agency, auditors everything. Admins and system actors read nothing through these queries.
 */
export type FollowUpScope =
  | { kind: 'all' }
  | { kind: 'agency'; column: 'host_agency' | 'assignee_agency'; agency: string; person: string };

export function followUpScope(actor: Actor): FollowUpScope {
  switch (actor.role) {
    case 'auditor':
      return { kind: 'all' };
    case 'bureau_head':
      return { kind: 'agency', column: 'host_agency', agency: agencyOf(actor), person: actor.id };
    case 'agency_officer':
      return {
        kind: 'agency',
        column: 'assignee_agency',
        agency: agencyOf(actor),
        person: actor.id,
      };
    default:
      throw new ReadForbiddenError(actor.role, 'follow-ups');
  }
}

/**
 * The scope as the condition on one task read by its id. Officers also read the lead tasks
 * their agency was asked to contribute to (협조기관, canSeeFollowUp); lists (board, inbox) stay
 * with the agency's own tasks, where the contribution is its task, and keep their sorted scans
 * on the scope's indexes.
 */
export function oneTaskCondition(scope: FollowUpScope, p: SqlParams): string | undefined {
  if (scope.kind === 'all') return undefined;
  const agency = p.add(scope.agency);
  if (scope.column === 'host_agency') return `host_agency = ${agency}`;
  return `(assignee_agency = ${agency} OR ${agency} = ANY(supporting_agencies)) AND ${classificationCondition(scope, p)}`;
}

/**
 * The classification rule (classificationAllows in libs/follow-up's classification.ts) as a
 * condition on the board's columns, ANDed to the scope: auditors and the host's bureau heads
 * (whose scope is the host agency) read every level; officers read a public task, a restricted
 * one naming their agency, a confidential one naming them. `prefix` qualifies the columns
 * when the board is joined (search). undefined: nothing to add.
 */
export function classificationCondition(
  scope: FollowUpScope,
  p: SqlParams,
  prefix = '',
): string | undefined {
  if (scope.kind === 'all' || scope.column === 'host_agency') return undefined;
  return namedCondition(scope, p, prefix);
}

/**
 * The same rule on rows that others besides the host's bureau heads and the assignee's officers
 * read: search's meeting series and meetings, which their attending agencies' people read, each
 * carrying its workshop's classification and host (`scope_host`). The host's bureau heads read
 * every level; anyone else as the level names them. read-scope.int-spec holds it to
 * classificationAllows.
 */
export function hostedClassificationCondition(
  scope: FollowUpScope,
  p: SqlParams,
  prefix = '',
): string | undefined {
  if (scope.kind === 'all') return undefined;
  const named = namedCondition(scope, p, prefix);
  if (scope.column !== 'host_agency') return named;
  return `(${prefix}scope_host = ${p.add(scope.agency)} OR ${named})`;
}

function namedCondition(
  scope: Extract<FollowUpScope, { kind: 'agency' }>,
  p: SqlParams,
  prefix: string,
): string {
  const level = `${prefix}classification_level`;
  return `(${level} = 'public'
    OR (${level} = 'restricted' AND ${p.add(scope.agency)} = ANY(${prefix}classification_agencies))
    OR (${level} = 'confidential' AND ${p.add(scope.person)} = ANY(${prefix}classification_people)))`;
}

/**
 * The workshop policy (canSeeWorkshop): bureau heads see the workshops their agency hosts,
 * auditors all; officers see none ('none', answered as not found / an empty list, so other
 * agencies cannot probe for ids). Admins and system actors are refused.
 */
export type WorkshopScope = { kind: 'all' } | { kind: 'none' } | { kind: 'host'; agency: string };

export function workshopScope(actor: Actor): WorkshopScope {
  switch (actor.role) {
    case 'auditor':
      return { kind: 'all' };
    case 'bureau_head':
      return { kind: 'host', agency: agencyOf(actor) };
    case 'agency_officer':
      return { kind: 'none' };
    default:
      throw new ReadForbiddenError(actor.role, 'workshops');
  }
}

function agencyOf(actor: Actor): string {
  // A token without an agency claim must not widen into "every agency".
  if (!actor.agency) throw new ReadForbiddenError(actor.role, 'anything without an agency');
  return actor.agency;
}
