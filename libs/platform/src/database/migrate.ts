import { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { createDataSource } from './data-source';

// Any fixed number: all processes that migrate the same database agree on it.
const MIGRATION_LOCK_KEY = 7_301_964;

/**
 * Runs pending migrations under an advisory lock, so processes booting together don't race. The
 * lock is a session's: give this a DATABASE_DIRECT_URL data source, never a pooler's.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await runner.release();
  }
}

async function main(): Promise<void> {
  const dataSource = await createDataSource(loadConfig().databaseDirectUrl).initialize();
  try {
    const applied = await runMigrations(dataSource);
    console.log(JSON.stringify({ msg: 'migrations applied', applied }));
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
