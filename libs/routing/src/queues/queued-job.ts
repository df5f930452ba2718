import { JobName, JobPayloads } from './job-payloads';

/** A job as Liaison hands it over: where, what, its deterministic id, and when it is due. */
export interface QueuedJobOf<N extends JobName> {
  queue: string;
  name: N;
  id: string;
  payload: JobPayloads[N];
  /** When it should run: now for work, the deadline's moment for a timer. */
  runAt: Date;
}

export type QueuedJob = { [N in JobName]: QueuedJobOf<N> }[JobName];

export function queuedJob<N extends JobName>(
  queue: string,
  name: N,
  id: string,
  payload: JobPayloads[N],
  runAt = new Date(),
): QueuedJobOf<N> {
  return { queue, name, id, payload, runAt };
}
