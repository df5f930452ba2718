/** Stable codes, mapped to HTTP by the platform's one error filter. */
export class RecordStateError extends Error {
  readonly code = 'INVALID_STATE';
  constructor(
    readonly state: string,
    message: string,
  ) {
    super(message);
    this.name = 'RecordStateError';
  }
}

export class RecordForbiddenError extends Error {
  readonly code = 'FORBIDDEN';
  constructor(message = 'Only a records officer (기록물관리 담당자) may do this') {
    super(message);
    this.name = 'RecordForbiddenError';
  }
}

export class RecordNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(recordId: string) {
    super(`No record ${recordId}`);
    this.name = 'RecordNotFoundError';
  }
}
