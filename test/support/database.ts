import { Pool } from 'pg';
import { createPgPool, loadConfig } from '@liaison/platform';

/** A pool on the test database (never the app's: NODE_ENV=test selects liaison_test). */
export function testPool(max = 10): Pool {
  process.env.NODE_ENV = 'test';
  return createPgPool(loadConfig().databaseUrl, max, 'liaison-tests');
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
