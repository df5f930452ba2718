import { randomUUID } from 'node:crypto';
import { Browser } from 'playwright-core';
import { DevelopmentAccounts } from '@liaison/identity';
import { startProjections, startTestApi, TestApi } from '../../support/api';
import { createThrowawayDatabase, ThrowawayDatabase } from '../../support/throwaway-database';
import { ensureWebBuilt, launchChromium } from './web-browser';

export const DEMO_PASSWORD = 'liaison-demo';

// A browser journey is many steps; on a loaded machine (CI shares its cores) the default 30 s
// per test is too tight for some of them.
jest.setTimeout(90_000);

export interface WebStack {
  api: TestApi;
  db: ThrowawayDatabase;
  browser: Browser;
  close(): Promise<void>;
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * What a browser spec runs against: the built app served by the real API, the projections,
 * a database of the spec's own (a page shows that spec's tasks only, whatever others left),
 * throttles of its own, the development accounts (kisa.officer, msit.head …) signed in for
 * real with the demo password, and Debian's chromium.
 */
export async function startWebStack(name: string): Promise<WebStack> {
  ensureWebBuilt();
  const db: ThrowawayDatabase = await createThrowawayDatabase(`web_${name}`, 6);
  const saved = {
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    RATE_LIMIT_PREFIX: process.env.RATE_LIMIT_PREFIX,
  };
  process.env.TEST_DATABASE_URL = db.url;
  process.env.RATE_LIMIT_PREFIX = `web-${randomUUID().slice(0, 8)}`;
  const api = await startTestApi();
  await api.app.get(DevelopmentAccounts).seed(DEMO_PASSWORD);
  const stopProjections = await startProjections(db.pool);
  const browser = await launchChromium();
  return {
    api,
    db,
    browser,
    close: async () => {
      await browser.close();
      await stopProjections();
      await api.close();
      for (const [key, value] of Object.entries(saved)) restoreEnv(key, value);
      await db.drop();
    },
  };
}
