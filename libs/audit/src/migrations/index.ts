import { CreateAudit1764400000000 } from './1764400000000-create-audit';
import { CreateAuditDisposedEvents1765413000000 } from './1765413000000-create-audit-disposed-events';

/** The audit's tables: seals, their leaves, the access log and the marks of disposed events. */
export const auditMigrations = [CreateAudit1764400000000, CreateAuditDisposedEvents1765413000000];
