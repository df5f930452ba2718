import { AgencyDirectory } from '@liaison/follow-up';
import { agencyQueue, TIMER_QUEUE } from './queues';

/** The agencies that have a queue: every agency in the directory (counterparts have none). */
export async function agencyCodes(directory: AgencyDirectory): Promise<string[]> {
  return (await directory.list()).filter((a) => a.kind === 'agency').map((a) => a.code);
}

/** Every queue of the deployment, for dashboards and metrics. */
export async function allQueueNames(directory: AgencyDirectory): Promise<string[]> {
  return [TIMER_QUEUE, ...(await agencyCodes(directory)).map(agencyQueue)];
}
