import { JOB_NAMES } from './job-payloads';
import { JobHandlers, requireEveryJobHandled } from './job-handlers';
import { MissingJobHandlerError } from './job.errors';

const handle = async () => ({ outcome: 'done' });

describe('requireEveryJobHandled', () => {
  it('accepts a handler for every declared job', () => {
    const handlers = Object.fromEntries(JOB_NAMES.map((name) => [name, handle])) as JobHandlers;
    expect(() => requireEveryJobHandled(handlers)).not.toThrow();
  });

  it('fails naming the jobs nobody handles', () => {
    const handlers = Object.fromEntries(
      JOB_NAMES.filter((n) => n !== 'mark-overdue' && n !== 'deliver-task').map((n) => [n, handle]),
    ) as JobHandlers;
    expect(() => requireEveryJobHandled(handlers)).toThrow(MissingJobHandlerError);
    expect(() => requireEveryJobHandled(handlers)).toThrow(
      'No handler for job(s): deliver-task, mark-overdue',
    );
  });
});
