import { CreateRouting1764600000000 } from './1764600000000-create-routing';
import { RouteInTheRelay1764700000000 } from './1764700000000-route-in-the-relay';

/** Routing's tables: the job ledger, agency webhooks and dead letters. */
export const routingMigrations = [CreateRouting1764600000000, RouteInTheRelay1764700000000];
