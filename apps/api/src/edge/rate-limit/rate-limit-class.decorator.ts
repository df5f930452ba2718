import { SetMetadata } from '@nestjs/common';

export const RATE_LIMIT_CLASS = 'liaison:rate-limit-class';

/** Routes that read the whole log: each call costs seconds of a database's time. */
export type RateLimitClass = 'audit-scan';

/** Counts the route against a stricter allowance too, besides the caller's general one. */
export const RateLimitClassOf = (kind: RateLimitClass) => SetMetadata(RATE_LIMIT_CLASS, kind);
