import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 in the usual error shape; the caller sets Retry-After from the same verdict. */
export class TooManyRequestsError extends HttpException {
  constructor(
    readonly limit: number,
    readonly windowS: number,
    readonly scope: string,
    readonly retryAfterS: number,
  ) {
    super(
      {
        message: `Rate limit of ${limit} requests per ${windowS} s ${scope} exceeded; retry after ${retryAfterS} s`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
