import { CreateCounterpartRequests1765121710000 } from './1765121710000-create-counterpart-requests';

/** The counterparts lib's tables: requests to outside counterparts. */
export const counterpartsMigrations = [CreateCounterpartRequests1765121710000];
