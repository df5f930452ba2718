/** Typed errors of the queue layer, with stable codes. */
export abstract class JobError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A job's data does not match its declared payload; the message names the field. */
export class InvalidJobPayloadError extends JobError {
  readonly code = 'INVALID_JOB_PAYLOAD';

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

/** Boot refuses to start workers while a declared job has nobody to handle it. */
export class MissingJobHandlerError extends JobError {
  readonly code = 'MISSING_JOB_HANDLER';

  constructor(readonly jobNames: string[]) {
    super(`No handler for job(s): ${jobNames.join(', ')}`);
  }
}
