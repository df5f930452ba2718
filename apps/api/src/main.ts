import 'reflect-metadata';
import { createDataSource, runMigrations } from '@liaison/platform';
import { createApiApp } from './app.factory';
import { checkApiConfiguration } from './configuration';

async function bootstrap(): Promise<void> {
  const config = checkApiConfiguration(); // fails fast, naming the variable, before anything starts
  if (config.hs256Enabled && !process.env.JWT_SECRET) {
    // Anyone with this repository can mint tokens for the development secret.
    console.warn('JWT_SECRET is not set: using the development secret; never expose this API');
  }
  const dataSource = await createDataSource(config.databaseDirectUrl).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();

  const app = await createApiApp();
  await app.listen(config.port, '0.0.0.0');
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
