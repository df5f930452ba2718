import { CLOSED_STATUSES, FollowUpStatus, ALL_FOLLOW_UP_STATUSES } from '@liaison/follow-up';

/** Counts of follow-ups by status, every status present (zero when none) for a stable shape. */
export type StatusCounts = Record<FollowUpStatus, number>;

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(ALL_FOLLOW_UP_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function totalOf(counts: StatusCounts): number {
  return ALL_FOLLOW_UP_STATUSES.reduce((n, s) => n + counts[s], 0);
}

export function openOf(counts: StatusCounts): number {
  return ALL_FOLLOW_UP_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s)).reduce(
    (n, s) => n + counts[s],
    0,
  );
}

/** Share done: accepted out of everything not cancelled; null when nothing counts. */
export function shareDone(counts: StatusCounts): number | null {
  const considered = totalOf(counts) - counts.cancelled;
  return considered > 0 ? counts.accepted / considered : null;
}
