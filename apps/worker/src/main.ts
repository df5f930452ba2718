import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createDataSource, LiaisonLogger, loadConfig, runMigrations } from '@liaison/platform';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource(config.databaseDirectUrl).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();

  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(LiaisonLogger));
  // SIGTERM/SIGINT close the context: subscriptions stop after their batch, workers drain.
  app.enableShutdownHooks();
  await app.init();
  app.get(LiaisonLogger).log('worker started');
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
