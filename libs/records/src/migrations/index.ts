import { CreateRecords1765413100000 } from './1765413100000-create-records';

/** The records' tables: the record rows and the clocks' checkpoint. */
export const recordsMigrations = [CreateRecords1765413100000];
