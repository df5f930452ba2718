import { CreateEventStore1764300000000 } from './1764300000000-create-event-store';
import { CreateAgencyDirectory1764350000000 } from './1764350000000-create-agency-directory';
import { CreateFollowUpReadModels1764500000000 } from './1764500000000-create-follow-up-read-models';
import { CreateAudit1764400000000 } from './1764400000000-create-audit';

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [
  CreateEventStore1764300000000,
  CreateAgencyDirectory1764350000000,
  CreateFollowUpReadModels1764500000000,
  CreateAudit1764400000000,
];
