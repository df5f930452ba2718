import { CreateAgencyDirectory1764350000000 } from './1764350000000-create-agency-directory';
import { IndexIdempotencyKeys1765600000000 } from './1765600000000-index-idempotency-keys';

/** The follow-up lib's tables: the agency directory and the commands' idempotency keys. */
export const followUpMigrations = [
  CreateAgencyDirectory1764350000000,
  IndexIdempotencyKeys1765600000000,
];
