/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { createWorkshop, inDays, msitHead, WorkshopFixture } from '../support/fixtures';
import { call } from '../support/http';
import { newContext, seriousViolations, SHOTS_DIR } from './support/web-browser';
import { DEMO_PASSWORD, startWebStack, WebStack } from './support/web-stack';

/**
 * The review loop in two browsers: the KISA officer submits, the MSIT bureau head returns it
 * with a reason, the officer resubmits, the head accepts; FSI declines and the head reassigns
 * to FSC, whose officer finds it; a head working on a stale page is told to reload (If-Match).
 */
describe('web: the bureau head reviews (English)', () => {
  let stack: WebStack;
  let w: WorkshopFixture;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startWebStack('review');
    w = await createWorkshop(stack.api.url);
    mkdirSync(SHOTS_DIR, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await stack?.close();
  });

  async function assign(agency: string, title: string): Promise<string> {
    const res = await call<{ id: string }>(stack.api.url, 'POST', '/v1/follow-ups', msitHead, {
      workshopId: w.workshopId,
      sourceId: w.actionId,
      assigneeAgency: agency,
      title,
      dueAt: inDays(5),
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function signedIn(login: string, path: string): Promise<Page> {
    const context = await newContext(stack.browser, 'en-US');
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${stack.api.url}${path}`);
    await page.getByLabel('User name').fill(login);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**${path}`);
    return page;
  }

  async function act(page: Page, verb: string, fields: Record<string, string> = {}) {
    await page.getByRole('button', { name: verb, exact: true }).click();
    if (Object.keys(fields).length > 0) {
      const form = page.getByRole('form', { name: verb });
      for (const [label, value] of Object.entries(fields)) {
        const field = form.getByLabel(label);
        if ((await field.evaluate((el) => el.tagName)) === 'SELECT')
          await field.selectOption(value);
        else await field.fill(value);
      }
      await form.getByRole('button', { name: verb, exact: true }).click();
    }
    await page
      .getByRole('status')
      .filter({ hasText: `Done: ${verb}.` })
      .waitFor();
  }

  const statusIs = (page: Page, status: string) =>
    page.locator('.status-line').getByText(status, { exact: true }).waitFor();

  it('submit, return with a reason, resubmit, accept', async () => {
    const id = await assign('KISA', 'Joint AI threat briefing');
    const officer = await signedIn('kisa.officer', `/follow-ups/${id}`);
    await act(officer, 'Acknowledge');
    await act(officer, 'Start');
    await act(officer, 'Submit result', { Result: 'Briefing held on 20 November' });
    const comments = officer.getByRole('region', { name: 'Comments' });
    await comments.getByLabel(/Your comment/).fill('@msit.head the attendee list follows by mail');
    await comments.getByRole('button', { name: 'Add the comment' }).click();
    await comments.getByText('Comment added.').waitFor();
    await comments.getByText('@msit.head the attendee list follows by mail').waitFor();
    const files = officer.getByRole('region', { name: 'Attachments' });
    await files.getByLabel(/File to attach/).setInputFiles({
      name: 'attendees.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('MSIT, KISA, FSI, NIS\n'),
    });
    await files.getByRole('button', { name: 'Attach the file' }).click();
    await files.getByText('File attached.').waitFor();
    await files.getByRole('link', { name: 'attendees.txt' }).waitFor();

    const head = await signedIn('msit.head', `/follow-ups/${id}`);
    await statusIs(head, 'Submitted');
    await head
      .getByRole('region', { name: 'Comments' })
      .getByText('@msit.head the attendee list follows by mail')
      .waitFor();
    const download = head.waitForEvent('download');
    await head
      .getByRole('region', { name: 'Attachments' })
      .getByRole('link', { name: 'attendees.txt' })
      .click();
    const file = await download;
    expect((await (await file.createReadStream()).toArray()).join('')).toBe(
      'MSIT, KISA, FSI, NIS\n',
    );
    expect(await seriousViolations(head)).toEqual([]);
    await act(head, 'Return', { Reason: 'Attach the attendee list' });
    await statusIs(head, 'Returned');
    await head.screenshot({ path: join(SHOTS_DIR, 'follow-up.returned.en.png'), fullPage: true });

    await officer.reload();
    await statusIs(officer, 'Returned');
    await officer.getByText('Attach the attendee list').first().waitFor();
    await act(officer, 'Start');
    await act(officer, 'Submit result', { Result: 'Briefing held; attendee list attached' });

    await head.reload();
    await statusIs(head, 'Submitted');
    await act(head, 'Accept');
    await statusIs(head, 'Accepted');
    const timeline = head.getByRole('region', { name: 'History' });
    await timeline.getByText('Returned', { exact: true }).waitFor();
    await timeline.getByText('Accepted', { exact: true }).waitFor();

    // at phone width nothing runs off the side; printed, the page is the task without controls
    await head.setViewportSize({ width: 390, height: 844 });
    expect(
      await head.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await head.screenshot({ path: join(SHOTS_DIR, 'follow-up.phone.en.png'), fullPage: true });
    await head.emulateMedia({ media: 'print' });
    expect(await head.getByRole('banner').isVisible()).toBe(false);
    // the buttons are there, none of them printed (roles count only what is shown)
    expect(await head.locator('button').count()).toBeGreaterThan(0);
    expect(await head.getByRole('button').count()).toBe(0);
    await head.getByRole('heading', { name: 'Joint AI threat briefing' }).waitFor();
    await head.screenshot({ path: join(SHOTS_DIR, 'follow-up.print.en.png'), fullPage: true });
  });

  it('FSI declines, the head reassigns to FSC, the FSC officer finds it in the inbox', async () => {
    const id = await assign('FSI', 'Payment sector AI incident figures');
    const fsi = await signedIn('fsi.officer', `/follow-ups/${id}`);
    await act(fsi, 'Decline (cannot do)', { Reason: 'FSC holds these figures' });

    const head = await signedIn('msit.head', `/follow-ups/${id}`);
    await statusIs(head, 'Declined');
    await act(head, 'Reassign', { 'New agency': 'FSC', Reason: 'FSC holds the figures' });
    await statusIs(head, 'Reassigned');

    const fsc = await signedIn('fsc.officer', '/inbox');
    await fsc.getByRole('link', { name: 'Payment sector AI incident figures' }).click();
    await fsc.waitForURL(`**/follow-ups/${id}`);
    await fsc.getByRole('button', { name: 'Acknowledge' }).waitFor();
  });

  it('a stale page is told someone changed the task, and reloads', async () => {
    const id = await assign('KISA', 'Stale page task');
    const head = await signedIn('msit.head', `/follow-ups/${id}`);
    // without live changes (a dropped stream, a proxy that buffers it) the page goes stale
    await head.context().route('**/v1/live', (route) => route.abort());
    await head.reload();
    await statusIs(head, 'Assigned');
    // meanwhile, someone else at MSIT extends the due date
    const moved = await call(stack.api.url, 'POST', `/v1/follow-ups/${id}/extend`, msitHead, {
      dueAt: inDays(9),
      reason: 'Counterpart asked for time',
    });
    expect(moved.status).toBe(200);

    await head.getByRole('button', { name: 'Cancel the task' }).click();
    const form = head.getByRole('form', { name: 'Cancel the task' });
    await form.getByLabel('Reason').fill('No longer needed');
    await form.getByRole('button', { name: 'Cancel the task' }).click();
    const alert = head.getByRole('alert').filter({ hasText: 'Someone changed this task' });
    await alert.waitFor();
    await head.screenshot({ path: join(SHOTS_DIR, 'follow-up.conflict.en.png'), fullPage: true });
    await alert.getByRole('button', { name: 'Reload' }).click();
    await head.getByRole('region', { name: 'History' }).getByText('Due date extended').waitFor();
    await statusIs(head, 'Assigned'); // the cancel was not applied to a state not seen
  });
});
