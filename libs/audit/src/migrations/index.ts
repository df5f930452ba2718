import { CreateAudit1764400000000 } from './1764400000000-create-audit';

/** The audit's tables: seals, their leaves and the access log. */
export const auditMigrations = [CreateAudit1764400000000];
