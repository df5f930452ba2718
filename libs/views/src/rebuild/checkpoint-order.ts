import { Checkpoint } from '@liaison/event-store';

/** Compares two places in the log in its read order: (transaction id, position). */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const ax = BigInt(a.transactionId);
  const bx = BigInt(b.transactionId);
  if (ax !== bx) return ax < bx ? -1 : 1;
  return a.position - b.position;
}
