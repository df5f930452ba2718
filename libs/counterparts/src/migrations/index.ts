import { CreateCounterpartRequests1765121710000 } from './1765121710000-create-counterpart-requests';
import { OneOpenCounterpartRequest1765121720000 } from './1765121720000-one-open-counterpart-request';

/** The counterparts lib's tables: requests to outside counterparts. */
export const counterpartsMigrations = [
  CreateCounterpartRequests1765121710000,
  OneOpenCounterpartRequest1765121720000,
];
