import { Decider, DirectoryContext, assertNever, isPersonRole, PersonRole } from '../decider';
import {
  DirectoryConflictError,
  DirectoryForbiddenError,
  DirectoryInputError,
  DirectoryNotFoundError,
  DirectoryStateError,
} from '../directory.errors';
import { DisplayName, PersonEvent, PersonUpdated } from '../events';
import { isDirectoryKeeper, requireAdmin } from '../policy';
import { EMAIL, LOGIN, requireInstant, requirePattern, requireText, UUID } from '../validation';
import { GrantDelegation, PersonCommand } from './person.commands';
import { evolvePerson, initialPersonState, PersonState, RegisteredPerson } from './person.state';

/** The longest a delegation may run: a leave or a posting abroad, not a standing arrangement. */
export const MAX_DELEGATION_DAYS = 90;
const DAY_MS = 86_400_000;

function decidePerson(
  command: PersonCommand,
  state: PersonState,
  ctx: DirectoryContext,
): PersonEvent[] {
  switch (command.kind) {
    case 'RegisterPerson': {
      requireAdmin(ctx, 'register a person');
      if (state.registered)
        throw new DirectoryConflictError('personId', `person ${command.personId}`);
      const personId = requirePattern('personId', command.personId, UUID, 'a uuid');
      const login = requirePattern(
        'login',
        command.login,
        LOGIN,
        'lower-case letters, digits or . _ - (2–64)',
      );
      const roles = requireRoles(command.roles);
      requireMemberAgency('agency', command.agency, ctx);
      return [
        {
          type: 'PersonRegistered',
          data: {
            personId,
            login,
            displayName: requireDisplayName(command.displayName),
            email: requirePattern('email', command.email, EMAIL, 'an email address'),
            agency: command.agency,
            roles,
            ...(command.oidcSubject !== undefined && {
              oidcSubject: requireText('oidcSubject', command.oidcSubject, 255),
            }),
          },
        },
      ];
    }
    case 'UpdatePerson': {
      requireAdmin(ctx, 'change a person');
      const person = requireActive(state, command.personId, 'change');
      const data: PersonUpdated = { personId: person.personId };
      const { displayName, email, agency, oidcSubject } = command;
      if (displayName !== undefined) {
        const name = requireDisplayName(displayName);
        if (name.ko !== person.displayName.ko || name.en !== person.displayName.en) {
          data.displayName = name;
        }
      }
      if (email !== undefined && email !== person.email) {
        data.email = requirePattern('email', email, EMAIL, 'an email address');
      }
      if (agency !== undefined && agency !== person.agency) {
        requireMemberAgency('agency', agency, ctx);
        data.agency = agency;
      }
      if (oidcSubject === null && person.oidcSubject !== undefined) data.oidcSubject = null;
      else if (typeof oidcSubject === 'string' && oidcSubject !== person.oidcSubject) {
        data.oidcSubject = requireText('oidcSubject', oidcSubject, 255);
      }
      return Object.keys(data).length === 1 ? [] : [{ type: 'PersonUpdated', data }];
    }
    case 'GrantRole': {
      requireAdmin(ctx, 'grant a role');
      const person = requireActive(state, command.personId, 'grant a role to');
      const role = requireRole('role', command.role);
      if (person.roles.includes(role)) {
        throw new DirectoryStateError('held', `${person.login} already holds ${role}`);
      }
      const data = { personId: person.personId, role, agency: person.agency };
      return [{ type: 'PersonRoleGranted', data }];
    }
    case 'RevokeRole': {
      requireAdmin(ctx, 'revoke a role');
      const person = requireActive(state, command.personId, 'revoke a role of');
      const role = requireRole('role', command.role);
      if (!person.roles.includes(role)) {
        throw new DirectoryStateError('not_held', `${person.login} does not hold ${role}`);
      }
      if (person.roles.length === 1) {
        throw new DirectoryStateError(
          'last_role',
          `${role} is ${person.login}'s only role; deactivate the person instead`,
        );
      }
      if (role === 'admin' && ctx.actor.id === person.personId) {
        throw new DirectoryForbiddenError('an admin may not revoke their own admin role');
      }
      const data = { personId: person.personId, role, agency: person.agency };
      return [{ type: 'PersonRoleRevoked', data }];
    }
    case 'DeactivatePerson': {
      requireAdmin(ctx, 'deactivate a person');
      const person = requireActive(state, command.personId, 'deactivate');
      if (ctx.actor.id === person.personId) {
        throw new DirectoryForbiddenError('an admin may not deactivate themself');
      }
      const reason = requireText('reason', command.reason, 1000);
      return [{ type: 'PersonDeactivated', data: { personId: person.personId, reason } }];
    }
    case 'ErasePerson': {
      requireAdmin(ctx, 'erase a person');
      if (!state.registered) throw new DirectoryNotFoundError('person', command.personId);
      if (ctx.actor.id === state.personId) {
        throw new DirectoryForbiddenError('an admin may not erase themself');
      }
      if (state.erased) {
        throw new DirectoryStateError('erased', `person ${state.personId} is erased`);
      }
      const reason = requireText('reason', command.reason, 1000);
      const { personId } = state;
      // Erased people cannot sign in: deactivated in the same decision when they are not yet.
      const deactivated: PersonEvent[] = state.active
        ? [{ type: 'PersonDeactivated', data: { personId, reason } }]
        : [];
      return [...deactivated, { type: 'PersonErased', data: { personId, reason } }];
    }
    case 'GrantDelegation':
      return grantDelegation(command, state, ctx);
    case 'EndDelegation': {
      if (!state.registered) throw new DirectoryNotFoundError('delegation', command.delegationId);
      const delegation = state.delegations[command.delegationId];
      if (!delegation) throw new DirectoryNotFoundError('delegation', command.delegationId);
      const party = ctx.actor.id === state.personId || ctx.actor.id === delegation.toPerson;
      if (!party && !isDirectoryKeeper(ctx)) {
        throw new DirectoryForbiddenError('only its two people or an admin may end a delegation');
      }
      if (delegation.ended || Date.parse(delegation.endsAt) <= ctx.now.getTime()) {
        throw new DirectoryStateError('ended', `delegation ${delegation.delegationId} has ended`);
      }
      const { delegationId, toPerson } = delegation;
      return [
        { type: 'DelegationEnded', data: { delegationId, fromPerson: state.personId, toPerson } },
      ];
    }
    default:
      return assertNever(command);
  }
}

/**
 * 대결: a person names a colleague of their own agency to act for them for a while. Both must be
 * active; the period is at most MAX_DELEGATION_DAYS and not already over.
 */
function grantDelegation(
  command: GrantDelegation,
  state: PersonState,
  ctx: DirectoryContext,
): PersonEvent[] {
  if (ctx.actor.id !== command.fromPerson && !isDirectoryKeeper(ctx)) {
    throw new DirectoryForbiddenError('a person grants a delegation only from themself');
  }
  const from = requireActive(state, command.fromPerson, 'delegate for');
  const delegationId = requirePattern('delegationId', command.delegationId, UUID, 'a uuid');
  const { delegate } = command;
  if (command.toPerson === from.personId) {
    throw new DirectoryInputError('toPersonId', 'must be someone else');
  }
  if (!delegate) throw new DirectoryNotFoundError('person', command.toPerson);
  if (!delegate.active) {
    throw new DirectoryStateError('deactivated', `person ${delegate.personId} is deactivated`);
  }
  if (delegate.agency !== from.agency) {
    throw new DirectoryInputError('toPersonId', `must be a colleague of ${from.agency}`);
  }
  const startsAt = requireInstant('startsAt', command.startsAt);
  const endsAt = requireInstant('endsAt', command.endsAt);
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new DirectoryInputError('endsAt', 'must be after startsAt');
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_DELEGATION_DAYS * DAY_MS) {
    throw new DirectoryInputError(
      'endsAt',
      `must be at most ${MAX_DELEGATION_DAYS} days after startsAt`,
    );
  }
  if (endsAt.getTime() <= ctx.now.getTime()) {
    throw new DirectoryInputError('endsAt', 'must be in the future');
  }
  if (from.delegations[delegationId]) {
    throw new DirectoryConflictError('delegationId', `delegation ${delegationId}`);
  }
  const overlapping = Object.values(from.delegations).find(
    (d) =>
      d.toPerson === delegate.personId &&
      !d.ended &&
      Date.parse(d.startsAt) < endsAt.getTime() &&
      startsAt.getTime() < Date.parse(d.endsAt),
  );
  if (overlapping) {
    throw new DirectoryStateError(
      'overlapping',
      `delegation ${overlapping.delegationId} to the same person overlaps this period`,
    );
  }
  const reason =
    command.reason === undefined ? undefined : requireText('reason', command.reason, 1000);
  return [
    {
      type: 'DelegationGranted',
      data: {
        delegationId,
        fromPerson: from.personId,
        toPerson: delegate.personId,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        ...(reason !== undefined && { reason }),
      },
    },
  ];
}

function requireActive(state: PersonState, personId: string, verb: string): RegisteredPerson {
  if (!state.registered) throw new DirectoryNotFoundError('person', personId);
  if (!state.active) {
    throw new DirectoryStateError(
      'deactivated',
      `${state.login} is deactivated; cannot ${verb} them`,
    );
  }
  return state;
}

/** A person belongs to one active agency of kind 'agency' (counterparts never sign in). */
function requireMemberAgency(field: string, code: unknown, ctx: DirectoryContext): void {
  const agency = typeof code === 'string' ? ctx.agencies.get(code) : undefined;
  if (!agency || agency.kind !== 'agency' || !agency.active) {
    throw new DirectoryInputError(field, `${String(code)} is not an active agency`);
  }
}

function requireRole(field: string, role: unknown): PersonRole {
  if (!isPersonRole(role)) {
    throw new DirectoryInputError(
      field,
      'must be bureau_head, agency_officer, auditor, admin or records_officer',
    );
  }
  return role;
}

function requireRoles(roles: unknown): PersonRole[] {
  if (!Array.isArray(roles) || roles.length === 0) {
    throw new DirectoryInputError('roles', 'must name at least one role');
  }
  const checked = roles.map((r, i) => requireRole(`roles[${i}]`, r));
  if (new Set(checked).size !== checked.length) {
    throw new DirectoryInputError('roles', 'must not repeat a role');
  }
  return checked;
}

function requireDisplayName(name: DisplayName | undefined): DisplayName {
  if (!name || typeof name !== 'object') {
    throw new DirectoryInputError('displayName', 'must have ko and en');
  }
  return {
    ko: requireText('displayName.ko', name.ko, 100),
    en: requireText('displayName.en', name.en, 100),
  };
}

export const personDecider: Decider<PersonCommand, PersonState, PersonEvent> = {
  decide: decidePerson,
  evolve: evolvePerson,
  initialState: initialPersonState,
};
