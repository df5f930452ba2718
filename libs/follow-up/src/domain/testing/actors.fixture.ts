/** The people (and the system) that specs act as, and a context for each at a fixed time. */
import { Actor, AgencyInfo, DecisionContext } from '../context';
import { AGENCY_DIRECTORY } from './agencies.fixture';

export const NOW = new Date('2025-03-10T00:00:00.000Z');

export const msitHead: Actor = { id: 'u-msit-head', role: 'bureau_head', agency: 'MSIT' };
export const mofaHead: Actor = { id: 'u-mofa-head', role: 'bureau_head', agency: 'MOFA' };
export const msitOfficer: Actor = { id: 'u-msit-officer', role: 'agency_officer', agency: 'MSIT' };
export const kisaOfficer: Actor = { id: 'u-kisa-officer', role: 'agency_officer', agency: 'KISA' };
export const aisiOfficer: Actor = { id: 'u-aisi-officer', role: 'agency_officer', agency: 'AISI' };
export const nisOfficer: Actor = { id: 'u-nis-officer', role: 'agency_officer', agency: 'NIS' };
export const auditor: Actor = { id: 'u-auditor', role: 'auditor' };
export const admin: Actor = { id: 'u-admin', role: 'admin' };
export const system: Actor = { id: 'system', role: 'system' };

export function as(
  actor: Actor,
  {
    now = NOW,
    agencies = AGENCY_DIRECTORY,
  }: { now?: Date; agencies?: ReadonlyMap<string, AgencyInfo> } = {},
): DecisionContext {
  return { actor, now, agencies };
}
