import { CreatePeopleDirectory1764910000000 } from './1764910000000-create-people-directory';

/** The directory lib's tables: people, their role periods and delegations (agencies are older). */
export const directoryMigrations = [CreatePeopleDirectory1764910000000];
