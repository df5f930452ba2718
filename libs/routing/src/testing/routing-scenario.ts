/** Workshops and assignments sent through the CommandBus, for routing specs and the bench. */
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import {
  Actor,
  CommandMeta,
  CommandResult,
  ExecuteFollowUpCommand,
  ExecuteWorkshopCommand,
  FollowUpRequest,
} from '@liaison/follow-up';

export const msitHead: Actor = { id: 'u-msit-head', role: 'bureau_head', agency: 'MSIT' };
export const officerOf = (agency: string): Actor => ({
  id: `u-${agency.toLowerCase()}-officer`,
  role: 'agency_officer',
  agency,
});

const meta = (actor: Actor): CommandMeta => ({ actor, correlationId: `spec-${randomUUID()}` });

export interface ScenarioWorkshop {
  workshopId: string;
  actionId: string;
}

export async function holdWorkshop(bus: CommandBus): Promise<ScenarioWorkshop> {
  const workshopId = randomUUID();
  const actionId = randomUUID();
  const send = (command: ConstructorParameters<typeof ExecuteWorkshopCommand>[0]) =>
    bus.execute(new ExecuteWorkshopCommand(command, meta(msitHead)));
  await send({
    kind: 'HoldWorkshop',
    workshopId,
    title: 'AI security workshop',
    heldOn: '2026-11-18',
    hostAgency: 'MSIT',
    counterparts: ['OPENAI'],
    attendingAgencies: ['KISA', 'NIS', 'AISI'],
    topics: ['AI models in cybersecurity'],
  });
  await send({
    kind: 'AgreeAction',
    workshopId,
    actionId,
    description: 'Set up a working-level channel',
    ownerAgency: 'MSIT',
  });
  return { workshopId, actionId };
}

export async function assign(
  bus: CommandBus,
  workshop: ScenarioWorkshop,
  assigneeAgency: string,
  dueAt = new Date(Date.now() + 14 * 86_400_000).toISOString(),
): Promise<CommandResult> {
  return act(bus, msitHead, {
    kind: 'AssignFollowUp',
    followUpId: randomUUID(),
    workshopId: workshop.workshopId,
    sourceId: workshop.actionId,
    assigneeAgency,
    title: 'Set up a working-level channel',
    dueAt,
  });
}

export function act(
  bus: CommandBus,
  actor: Actor,
  command: FollowUpRequest,
): Promise<CommandResult> {
  return bus.execute(new ExecuteFollowUpCommand(command, meta(actor)));
}
