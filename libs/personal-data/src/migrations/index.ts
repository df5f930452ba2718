import { CreatePersonalDataKeys1765500000000 } from './1765500000000-create-personal-data-keys';

/** The personal-data lib's one table: the wrapped data keys and the erasure tombstones. */
export const personalDataMigrations = [CreatePersonalDataKeys1765500000000];
