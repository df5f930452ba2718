import { subscriptionName } from '../projection';
import { ProjectionFreshness } from '../read-your-writes/projection-freshness';
import { InvalidReadQueryError } from './read.errors';

/** The subscriptions whose tables a query reads: it waits for all of them. */
export const BOARD_SUBSCRIPTIONS = [subscriptionName('follow-up-board')];
export const WORKSHOP_SUBSCRIPTIONS = [
  subscriptionName('workshops'),
  subscriptionName('follow-up-board'),
];

/** Every query may carry `minPosition`: the position an append returned to this client. */
export interface ReadYourWrites {
  minPosition?: number;
}

export async function waitUntilFresh(
  freshness: ProjectionFreshness,
  subscriptions: readonly string[],
  minPosition: number | undefined,
): Promise<{ stale: boolean }> {
  if (minPosition !== undefined && (!Number.isSafeInteger(minPosition) || minPosition < 0)) {
    throw new InvalidReadQueryError('minPosition', 'must be a non-negative integer');
  }
  return freshness.waitFor(subscriptions, minPosition);
}
