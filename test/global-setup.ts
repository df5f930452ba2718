import { execFileSync } from 'node:child_process';
import { createDataSource, loadConfig, runMigrations } from '../libs/platform/src';

/** Before any spec: services up, the test database created and migrated. */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  execFileSync('node', ['scripts/ensure-services.mjs', '--test'], { stdio: 'inherit' });
  const dataSource = await createDataSource(loadConfig().databaseUrl).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
