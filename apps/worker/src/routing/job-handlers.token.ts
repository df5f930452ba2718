/** The map of job name → handler that the job runner dispatches on. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
