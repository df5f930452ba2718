import { BrowserContext, Page } from 'playwright-core';
import {
  createWorkshop,
  inDays,
  kisaOfficer,
  msitHead,
  WorkshopFixture,
} from '../support/fixtures';
import { call } from '../support/http';
import { newContext } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

/**
 * Live pages: an open inbox shows a newly assigned task, and an open board a status change,
 * without a reload; another agency's officer is told nothing of it.
 */
describe('web: live changes', () => {
  let stack: WebStack;
  let w: WorkshopFixture;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startWebStack('live');
    w = await createWorkshop(stack.api.url);
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
  });

  async function signedIn(login: string, path: string, heading: string): Promise<Page> {
    const context = await newContext(stack.browser, 'en-US');
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${stack.api.url}${path}`);
    await page.getByLabel('User name').fill(login);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    return page;
  }

  it('a new task appears in the open inbox; its status change on the open board', async () => {
    const officer = await signedIn('kisa.officer', '/inbox', 'Inbox');
    const head = await signedIn('msit.head', '/board', 'Board');
    const fsi = await signedIn('fsi.officer', '/inbox', 'Inbox');
    const fsiStream: string[] = [];
    fsi.on('response', (r) => {
      // a refetch a change caused reads at the change's position (minPosition)
      if (r.url().includes('/v1/agencies/FSI/inbox') && r.url().includes('minPosition')) {
        fsiStream.push(r.url());
      }
    });

    const assigned = await call<{ id: string }>(stack.api.url, 'POST', '/v1/follow-ups', msitHead, {
      workshopId: w.workshopId,
      sourceId: w.actionId,
      assigneeAgency: 'KISA',
      title: 'Live task',
      dueAt: inDays(3),
    });
    expect(assigned.status).toBe(201);
    const started = Date.now();
    await officer.getByRole('link', { name: 'Live task' }).waitFor({ timeout: 5_000 });
    const seenInInbox = Date.now() - started;
    await head.getByRole('link', { name: 'Live task' }).waitFor({ timeout: 5_000 });

    const acknowledged = await call(
      stack.api.url,
      'POST',
      `/v1/follow-ups/${assigned.body.id}/acknowledge`,
      kisaOfficer,
    );
    expect(acknowledged.status).toBe(200);
    const row = head.getByRole('row').filter({ hasText: 'Live task' });
    await row.getByText('Acknowledged').waitFor({ timeout: 5_000 });

    expect(seenInInbox).toBeLessThan(5_000);
    // FSI's officer may not see the task: their inbox was never told to refetch
    expect(fsiStream).toEqual([]);
  });
});
