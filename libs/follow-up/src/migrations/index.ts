import { CreateAgencyDirectory1764350000000 } from './1764350000000-create-agency-directory';

/** The follow-up lib's tables: the agency directory and the commands' idempotency keys. */
export const followUpMigrations = [CreateAgencyDirectory1764350000000];
