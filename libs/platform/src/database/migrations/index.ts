import { MigrationInterface } from 'typeorm';
import { auditMigrations } from '../../../../audit/src/migrations';
import { counterpartsMigrations } from '../../../../counterparts/src/migrations';
import { directoryMigrations } from '../../../../directory/src/migrations';
import { eventStoreMigrations } from '../../../../event-store/src/migrations';
import { filesMigrations } from '../../../../files/src/migrations';
import { followUpMigrations } from '../../../../follow-up/src/migrations';
import { identityMigrations } from '../../../../identity/src/migrations';
import { meetingsMigrations } from '../../../../meetings/src/migrations';
import { notificationsMigrations } from '../../../../notifications/src/migrations';
import { recordsMigrations } from '../../../../records/src/migrations';
import { personalDataMigrations } from '../../../../personal-data/src/migrations';
import { routingMigrations } from '../../../../routing/src/migrations';
import { viewsMigrations } from '../../../../views/src/migrations';
import { platformMigrations } from '../../migrations';

type MigrationClass = new () => MigrationInterface;

/**
 * Every lib keeps its migrations beside it (libs/<lib>/src/migrations, the tables it owns);
 * this is the one list the runner applies, in the order of the timestamps that end the class
 * names. Class names and timestamps never change: databases know applied migrations by name.
 * Only the libs' migrations folders are imported here, by relative path (they import nothing but
 * typeorm, and jest's global setup migrates without path aliases), so the platform depends on
 * no lib's code.
 */
export const migrations: MigrationClass[] = inTimestampOrder([
  ...eventStoreMigrations,
  ...followUpMigrations,
  ...filesMigrations,
  ...identityMigrations,
  ...directoryMigrations,
  ...auditMigrations,
  ...viewsMigrations,
  ...routingMigrations,
  ...meetingsMigrations,
  ...notificationsMigrations,
  ...counterpartsMigrations,
  ...recordsMigrations,
  ...personalDataMigrations,
  ...platformMigrations,
]);

function inTimestampOrder(list: MigrationClass[]): MigrationClass[] {
  const stamped = list.map((m) => {
    const match = /(\d{13})$/.exec(m.name);
    if (!match) throw new Error(`Migration ${m.name} does not end with its timestamp`);
    return { m, at: Number(match[1]) };
  });
  stamped.sort((a, b) => a.at - b.at);
  stamped.forEach((s, i) => {
    if (i > 0 && stamped[i - 1].at === s.at)
      throw new Error(`Migrations ${stamped[i - 1].m.name} and ${s.m.name} share a timestamp`);
  });
  return stamped.map((s) => s.m);
}
