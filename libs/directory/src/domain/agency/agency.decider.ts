import { AgencyKind, AgencyRecord, assertNever, Decider, DirectoryContext } from '../decider';
import {
  DirectoryConflictError,
  DirectoryForbiddenError,
  DirectoryInputError,
  DirectoryNotFoundError,
  DirectoryStateError,
} from '../directory.errors';
import { AgencyEvent } from '../events';
import { requireAdmin } from '../policy';
import { AGENCY_CODE, requirePattern, requireText } from '../validation';

export interface RegisterAgency {
  kind: 'RegisterAgency';
  code: string;
  name: string;
  agencyKind: AgencyKind;
  liaisonAgency?: string;
}

/** Fields left out stay as they are; `liaisonAgency: null` clears it. */
export interface UpdateAgency {
  kind: 'UpdateAgency';
  code: string;
  name?: string;
  active?: boolean;
  liaisonAgency?: string | null;
  /** How many active people belong to the agency (looked up when it is to be deactivated). */
  activePeople?: number;
}

/** Records an agency row that existed before the directory was kept as events. */
export interface AdoptAgency {
  kind: 'AdoptAgency';
  agency: AgencyRecord;
}

export type AgencyCommand = RegisterAgency | UpdateAgency | AdoptAgency;

export type AgencyState = { registered: false } | ({ registered: true } & AgencyRecord);

export const initialAgencyState: AgencyState = { registered: false };

export function evolveAgency(state: AgencyState, event: AgencyEvent): AgencyState {
  switch (event.type) {
    case 'AgencyRegistered': {
      const { code, name, kind, liaisonAgency } = event.data;
      return {
        registered: true,
        code,
        name,
        kind,
        active: true,
        ...(liaisonAgency && { liaisonAgency }),
      };
    }
    case 'AgencyUpdated': {
      if (!state.registered) return state;
      const { name, active, liaisonAgency } = event.data;
      const next: AgencyState = { ...state };
      if (name !== undefined) next.name = name;
      if (active !== undefined) next.active = active;
      if (liaisonAgency === null) delete next.liaisonAgency;
      else if (liaisonAgency !== undefined) next.liaisonAgency = liaisonAgency;
      return next;
    }
    default:
      return assertNever(event);
  }
}

function decideAgency(
  command: AgencyCommand,
  state: AgencyState,
  ctx: DirectoryContext,
): AgencyEvent[] {
  switch (command.kind) {
    case 'RegisterAgency': {
      requireAdmin(ctx, 'register an agency');
      const code = requirePattern(
        'code',
        command.code,
        AGENCY_CODE,
        '2–16 upper-case letters, digits or _',
      );
      if (state.registered || ctx.agencies.has(code)) {
        throw new DirectoryConflictError('code', `agency ${code}`);
      }
      const name = requireText('name', command.name, 200);
      if (command.agencyKind !== 'agency' && command.agencyKind !== 'counterpart') {
        throw new DirectoryInputError('kind', "must be 'agency' or 'counterpart'");
      }
      const liaisonAgency = command.liaisonAgency;
      if (liaisonAgency !== undefined) checkLiaison(command.agencyKind, liaisonAgency, ctx);
      return [
        {
          type: 'AgencyRegistered',
          data: { code, name, kind: command.agencyKind, ...(liaisonAgency && { liaisonAgency }) },
        },
      ];
    }
    case 'UpdateAgency': {
      requireAdmin(ctx, 'update an agency');
      if (!state.registered) throw new DirectoryNotFoundError('agency', command.code);
      const data: AgencyUpdated = { code: state.code };
      if (command.name !== undefined && command.name !== state.name) {
        data.name = requireText('name', command.name, 200);
      }
      if (command.active !== undefined && command.active !== state.active) {
        if (typeof command.active !== 'boolean') {
          throw new DirectoryInputError('active', 'must be a boolean');
        }
        // People belong to an active agency: they are moved or deactivated first.
        if (!command.active && (command.activePeople ?? 0) > 0) {
          throw new DirectoryStateError(
            'has_people',
            `${state.code} still has ${command.activePeople} active people; move or deactivate them first`,
          );
        }
        data.active = command.active;
      }
      if (command.liaisonAgency === null && state.liaisonAgency !== undefined) {
        data.liaisonAgency = null;
      } else if (
        typeof command.liaisonAgency === 'string' &&
        command.liaisonAgency !== state.liaisonAgency
      ) {
        checkLiaison(state.kind, command.liaisonAgency, ctx);
        data.liaisonAgency = command.liaisonAgency;
      }
      // Nothing that differs: nothing to record (a repeated PATCH is harmless).
      return Object.keys(data).length === 1 ? [] : [{ type: 'AgencyUpdated', data }];
    }
    case 'AdoptAgency': {
      if (ctx.actor.role !== 'system') {
        throw new DirectoryForbiddenError('only the system adopts existing agencies');
      }
      if (state.registered) return [];
      const { code, name, kind, active, liaisonAgency } = command.agency;
      const registered: AgencyEvent = {
        type: 'AgencyRegistered',
        data: { code, name, kind, ...(liaisonAgency && { liaisonAgency }), adopted: true },
      };
      return active
        ? [registered]
        : [registered, { type: 'AgencyUpdated', data: { code, active: false } }];
    }
    default:
      return assertNever(command);
  }
}

type AgencyUpdated = Extract<AgencyEvent, { type: 'AgencyUpdated' }>['data'];

/** Only a counterpart has a liaison agency, and it is an active agency (not a counterpart). */
function checkLiaison(kind: AgencyKind, liaisonAgency: string, ctx: DirectoryContext): void {
  if (kind !== 'counterpart') {
    throw new DirectoryInputError('liaisonAgency', 'is only for counterparts');
  }
  const liaison = ctx.agencies.get(liaisonAgency);
  if (!liaison || liaison.kind !== 'agency' || !liaison.active) {
    throw new DirectoryInputError('liaisonAgency', `${liaisonAgency} is not an active agency`);
  }
}

export const agencyDecider: Decider<AgencyCommand, AgencyState, AgencyEvent> = {
  decide: decideAgency,
  evolve: evolveAgency,
  initialState: initialAgencyState,
};
