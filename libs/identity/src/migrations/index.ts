import { CreateIdentityTables1764920000000 } from './1764920000000-create-identity-tables';

/** The identity lib's tables: password credentials, sessions, API keys. */
export const identityMigrations = [CreateIdentityTables1764920000000];
