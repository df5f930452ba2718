import { CreateEventStore1764300000000 } from './1764300000000-create-event-store';
import { CreateAgencyDirectory1764350000000 } from './1764350000000-create-agency-directory';
import { CreateAudit1764400000000 } from './1764400000000-create-audit';
import { CreateFollowUpReadModels1764500000000 } from './1764500000000-create-follow-up-read-models';
import { FollowUpBoardSortIndexes1764500000001 } from './1764500000001-follow-up-board-sort-indexes';
import { CreateRouting1764600000000 } from './1764600000000-create-routing';
import { RouteInTheRelay1764700000000 } from './1764700000000-route-in-the-relay';
import { WorkerHeartbeats1764800000000 } from './1764800000000-worker-heartbeats';

/** Every migration, in timestamp order. Add new ones at the end. */
export const migrations = [
  CreateEventStore1764300000000,
  CreateAgencyDirectory1764350000000,
  CreateAudit1764400000000,
  CreateFollowUpReadModels1764500000000,
  FollowUpBoardSortIndexes1764500000001,
  CreateRouting1764600000000,
  RouteInTheRelay1764700000000,
  WorkerHeartbeats1764800000000,
];
