import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import { EventStore, EventWakeUps } from '@liaison/event-store';
import { signToken, UserRole } from '@liaison/platform';
import { createProjectionRunners } from '@liaison/views';
import { createApiApp } from '../../apps/api/src/app.factory';

export const TEST_JWT_SECRET = 'liaison-test-secret-0123456789abcdef0123456789';

export interface TestApi {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * The projection runners, as the worker runs them, inside the test process: the specs that read
 * the board need current views. Another process may hold a runner's lock; the views still move.
 */
export async function startProjections(pool: Pool): Promise<() => Promise<void>> {
  const store = new EventStore(pool);
  const wakeUps = new EventWakeUps(pool);
  await wakeUps.start();
  const runners = createProjectionRunners({ pool, store, wakeUps, pollIntervalMs: 50 });
  runners.start();
  return async () => {
    await runners.stop();
    await wakeUps.stop();
  };
}

/** The real API on an ephemeral port, against the test database and the real Redis. */
export async function startTestApi(): Promise<TestApi> {
  process.env.NODE_ENV = 'test';
  process.env.JWT_SECRET = TEST_JWT_SECRET;
  const app = await createApiApp();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export function tokenFor(
  role: UserRole,
  agency?: string,
  sub = `${role}.${agency ?? 'x'}`,
): string {
  return signToken({ sub, role, agency }, TEST_JWT_SECRET);
}
