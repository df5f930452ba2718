import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventStore } from '@liaison/event-store';
import { PG_POOL } from '@liaison/platform';
import {
  CounterpartCommands,
  CounterpartReminderSweep,
  CounterpartReminderWorker,
  counterpartRequestStreamId,
  CounterpartWriter,
  loadCounterpartsConfig,
  rebuildCounterpartRequests,
  signLink,
} from '@liaison/counterparts';
import { createOpenApiDocument } from '../../apps/api/src/app.factory';
import { startTestApi, TestApi } from '../support/api';
import { call, caller } from '../support/http';
import { auditor, createWorkshop, inDays, msitHead } from '../support/fixtures';

/**
 * Requests to outside counterparts: MSIT drafts and sends its request to OpenAI, OpenAI answers
 * through the link on a page without an account (Korean and English), with a file; the link
 * works once; expired, reused, tampered and misdirected links are refused with a page that says
 * nothing about the request; reminders at a due time are sent once however often the timer fires.
 */
describe('counterpart requests (e2e)', () => {
  let api: TestApi;
  let store: EventStore;
  const secret = loadCounterpartsConfig({ NODE_ENV: 'test' }).linkSecret;
  const fscHead = caller('bureau_head', 'FSC');
  const msitOfficer = caller('agency_officer', 'MSIT');
  const fieldsOf = (body: { details?: unknown }) =>
    ((body.details ?? []) as { field: string }[]).map((d) => d.field);

  const pathOf = (url: string) => new URL(url).pathname;
  const page = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, { headers }).then(async (r) => ({
      status: r.status,
      html: await r.text(),
      headers: r.headers,
    }));
  const post = (path: string, form: FormData) =>
    fetch(`${api.url}${path}`, { method: 'POST', body: form }).then(async (r) => ({
      status: r.status,
      html: await r.text(),
    }));

  /** A workshop with an info request to OpenAI, drafted and sent: its id and first link. */
  async function sentRequest(dueAt = inDays(7)) {
    const workshop = await createWorkshop(api.url);
    const drafted = await call<{ id: string; status: string }>(
      api.url,
      'POST',
      '/v1/counterpart-requests',
      msitHead,
      {
        workshopId: workshop.workshopId,
        infoRequestId: workshop.requestId,
        message: 'Please share the indicators you observed in AI-enabled phishing.',
      },
    );
    expect(drafted.status).toBe(201);
    expect(drafted.body.status).toBe('drafted');
    const sent = await call<{
      status: string;
      link: { url: string; linkId: string; expiresAt: string };
    }>(api.url, 'POST', `/v1/counterpart-requests/${drafted.body.id}/send`, msitHead, { dueAt });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('sent');
    return { workshop, id: drafted.body.id, link: sent.body.link };
  }

  const typesOf = async (id: string) =>
    (await store.readStream(counterpartRequestStreamId(id))).map((e) => e.type);

  beforeAll(async () => {
    api = await startTestApi();
    store = api.app.get(EventStore);
  });
  afterAll(() => api.close());

  it('OpenAI answers through the link with a file; the answer and its file are in the log and the detail', async () => {
    const { id, link } = await sentRequest();
    const owed = await call<{ items: { id: string; owed: boolean }[] }>(
      api.url,
      'GET',
      '/v1/counterpart-requests?status=open',
      msitHead,
    );
    expect(owed.body.items.find((i) => i.id === id)).toMatchObject({ owed: true });

    const opened = await page(pathOf(link.url), { 'accept-language': 'en-US,en;q=0.9' });
    expect(opened.status).toBe(200);
    expect(opened.html).toContain('Share information on AI security threats');
    expect(opened.html).not.toMatch(/<script/i);

    const ack = await post(`${pathOf(link.url)}/acknowledge`, new FormData());
    expect(ack.status).toBe(200);

    const content = 'indicator,first_seen\nphish-kit-42,2026-11-02\n';
    const form = new FormData();
    form.append('text', 'Our indicators are attached; more to follow next week.');
    form.append('files', new Blob([content], { type: 'text/csv' }), 'indicators.csv');
    const answered = await post(pathOf(link.url), form);
    expect(answered.status).toBe(200);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(answered.html).toContain(sha256);

    const detail = await call<{
      status: string;
      answers: {
        text: string;
        complete: boolean;
        files: { name: string; size: number; sha256: string; mediaType: string }[];
      }[];
      history: { type: string }[];
    }>(api.url, 'GET', `/v1/counterpart-requests/${id}`, msitHead);
    expect(detail.status).toBe(200);
    expect(detail.body.status).toBe('partially_answered');
    expect(detail.body.answers).toEqual([
      expect.objectContaining({
        text: 'Our indicators are attached; more to follow next week.',
        complete: false,
        files: [
          {
            name: 'indicators.csv',
            size: Buffer.byteLength(content),
            sha256,
            mediaType: 'text/csv',
          },
        ],
      }),
    ]);
    const download = await fetch(`${api.url}/v1/counterpart-requests/${id}/files/${sha256}`, {
      headers: { authorization: `Bearer ${msitHead.token}` },
    });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(content);
    expect(download.headers.get('content-disposition')).toContain('indicators.csv');
    const notThere = await fetch(
      `${api.url}/v1/counterpart-requests/${id}/files/${'0'.repeat(64)}`,
      {
        headers: { authorization: `Bearer ${fscHead.token}` },
      },
    );
    expect(notThere.status).toBe(404);
    expect(await typesOf(id)).toEqual([
      'CounterpartRequestDrafted',
      'CounterpartRequestSent',
      'CounterpartRequestAcknowledged',
      'CounterpartRequestAnswered',
    ]);

    // The link is burnt: a second answer through it and opening it again are refused.
    const again = new FormData();
    again.append('text', 'A second answer through the same link');
    const reused = await post(pathOf(link.url), again);
    expect(reused.status).toBe(410);
    expect(reused.html).toContain('already been used');
    expect((await page(pathOf(link.url))).status).toBe(410);
    expect(await typesOf(id)).toHaveLength(4);

    // A chase issues a new link; the rest comes through it and completes the answer.
    const chased = await call<{ link: { url: string } }>(
      api.url,
      'POST',
      `/v1/counterpart-requests/${id}/chase`,
      msitHead,
      { note: 'The rest, please' },
    );
    expect(chased.status).toBe(200);
    const rest = new FormData();
    rest.append('text', 'The rest of our indicators.');
    rest.append('complete', 'yes');
    expect((await post(pathOf(chased.body.link.url), rest)).status).toBe(200);
    const done = await call<{ items: { id: string }[] }>(
      api.url,
      'GET',
      '/v1/counterpart-requests?status=open',
      msitHead,
    );
    expect(done.body.items.map((i) => i.id)).not.toContain(id);
    const closed = await call(api.url, 'POST', `/v1/counterpart-requests/${id}/close`, msitHead, {
      outcome: 'answered',
    });
    expect(closed.status).toBe(200);
  });

  it('the page speaks Korean and English: Accept-Language, and the switch that overrides it', async () => {
    const { link } = await sentRequest();
    const path = pathOf(link.url);
    const ko = await page(path, { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' });
    expect(ko.status).toBe(200);
    expect(ko.html).toContain('<html lang="ko">');
    expect(ko.html).toContain('과학기술정보통신부 (MSIT)의 정보 요청');
    expect(ko.html).toContain('답변 보내기');
    expect(ko.html).toMatch(/\d{4}\. \d{1,2}\. \d{1,2}\. \([월화수목금토일]\)/);
    expect(ko.html).toContain(`href="${path}?lang=en"`);
    const en = await page(path, { 'accept-language': 'en' });
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('Information request from Ministry of Science and ICT (MSIT)');
    const switched = await page(`${path}?lang=ko`, { 'accept-language': 'en' });
    expect(switched.html).toContain('<html lang="ko">');
    // A refusal speaks the reader's language too.
    const bad = await page(`/respond/not-a-link?lang=ko`);
    expect(bad.status).toBe(404);
    expect(bad.html).toContain('이 링크는 유효하지 않습니다');
  });

  it('refuses tampered, misdirected and expired links with a page that tells nothing about the request', async () => {
    const a = await sentRequest();
    const b = await sentRequest();
    const token = pathOf(a.link.url).slice('/respond/'.length);
    const [requestId, linkId, exp, mac] = token.split('.');
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A');
    const bLinkId = b.link.linkId;

    const refusedTokens = [
      [requestId, linkId, exp, flip(mac)].join('.'), // tampered signature
      [requestId, linkId, (parseInt(exp, 36) + 86_400).toString(36), mac].join('.'), // longer life
      [pathOf(b.link.url).split('/')[2].split('.')[0], linkId, exp, mac].join('.'), // B's id on A's link
      // Signed (as if the secret had leaked): links swapped between requests still fail.
      signLink(secret, b.id, a.link),
      signLink(secret, a.id, { linkId: bLinkId, expiresAt: b.link.expiresAt }),
    ];
    for (const forged of refusedTokens) {
      const res = await page(`/respond/${forged}`);
      expect(res.status).toBe(404);
      expect(res.html).toContain('This link is not valid.');
      expect(res.html).not.toContain('Share information');
      expect(res.html).not.toContain('MSIT');
      const form = new FormData();
      form.append('text', 'forged');
      expect((await post(`/respond/${forged}`, form)).status).toBe(404);
    }
    expect(await typesOf(a.id)).toHaveLength(2);
    expect(await typesOf(b.id)).toHaveLength(2);

    // Expired: a link the log says expires in a second (issued through the writer, as send does).
    const writer = api.app.get(CounterpartWriter);
    const c = await createWorkshop(api.url);
    const drafted = await call<{ id: string }>(
      api.url,
      'POST',
      '/v1/counterpart-requests',
      msitHead,
      {
        workshopId: c.workshopId,
        infoRequestId: c.requestId,
      },
    );
    const soon = {
      linkId: randomUUID(),
      expiresAt: new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toISOString(),
    };
    await writer.write(
      drafted.body.id,
      { kind: 'Send', dueAt: inDays(7), link: soon },
      {
        actor: { id: 'msit.head', role: 'bureau_head', agency: 'MSIT' },
        correlationId: randomUUID(),
      },
    );
    const expiring = `/respond/${signLink(secret, drafted.body.id, soon)}`;
    expect((await page(expiring)).status).toBe(200);
    await new Promise((r) => setTimeout(r, Date.parse(soon.expiresAt) - Date.now() + 50));
    const expired = await page(expiring);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('This link has expired.');
    const late = new FormData();
    late.append('text', 'too late');
    expect((await post(expiring, late)).status).toBe(410);
    expect(await typesOf(drafted.body.id)).toHaveLength(2);
  });

  it('sends one reminder per due time, however often the timer fires, and again for a new due time', async () => {
    const dueAt = inDays(3);
    const { id, link } = await sentRequest(dueAt);
    const commands = api.app.get(CounterpartCommands);
    const sweep = api.app.get(CounterpartReminderSweep);
    const afterDue = new Date(Date.parse(dueAt) + 60_000);
    const reminders = async () =>
      (await store.readStream(counterpartRequestStreamId(id))).filter(
        (e) => e.type === 'CounterpartRequestChased' && e.data.trigger === 'due_time',
      );

    // Early: nothing. At the due time: the delayed job, a second delivery of it, a racing copy,
    // the sweep (as after a restart that lost Redis): one reminder.
    await commands.remind(id, dueAt);
    expect(await reminders()).toHaveLength(0);
    await Promise.all([commands.remind(id, dueAt, afterDue), commands.remind(id, dueAt, afterDue)]);
    await commands.remind(id, dueAt, afterDue);
    expect(await sweep.sweep(afterDue)).toBe(0);
    const worker = new CounterpartReminderWorker(commands, sweep, {} as never, {} as never);
    await expect(
      worker.run({ name: 'counterpart-reminder', data: { requestId: id, dueAt: 'nonsense' } }),
    ).rejects.toThrow(/dueAt/);
    expect(await reminders()).toHaveLength(1);
    expect((await reminders())[0].data).toMatchObject({ forDueAt: new Date(dueAt).toISOString() });
    // The link passed on still works after the reminder (it brought no new one).
    expect((await reminders())[0].data.link).toBeUndefined();
    expect((await page(pathOf(link.url))).status).toBe(200);

    // The bureau sets a new due time: its own reminder, found by the sweep alone.
    const newDue = inDays(10);
    await call(api.url, 'POST', `/v1/counterpart-requests/${id}/chase`, msitHead, {
      dueAt: newDue,
    });
    const afterNewDue = new Date(Date.parse(newDue) + 60_000);
    expect(await sweep.sweep(afterNewDue)).toBeGreaterThanOrEqual(1);
    expect(await sweep.sweep(afterNewDue)).toBe(0);
    await commands.remind(id, newDue, afterNewDue);
    expect((await reminders()).map((e) => e.data.forDueAt)).toEqual([
      new Date(dueAt).toISOString(),
      new Date(newDue).toISOString(),
    ]);
  });

  it('scopes the list and detail to the agency; auditors see all; bad input is a 400 naming the field', async () => {
    const { id } = await sentRequest();
    const asFsc = await call<{ items: { id: string }[] }>(
      api.url,
      'GET',
      '/v1/counterpart-requests?status=open',
      fscHead,
    );
    expect(asFsc.body.items.map((i) => i.id)).not.toContain(id);
    expect((await call(api.url, 'GET', `/v1/counterpart-requests/${id}`, fscHead)).status).toBe(
      404,
    );
    const asAuditor = await call<{ items: { id: string }[] }>(
      api.url,
      'GET',
      '/v1/counterpart-requests?status=open',
      auditor,
    );
    expect(asAuditor.body.items.map((i) => i.id)).toContain(id);
    const audited = await call<{ currentLink: unknown }>(
      api.url,
      'GET',
      `/v1/counterpart-requests/${id}`,
      auditor,
    );
    expect(audited.status).toBe(200);
    expect(audited.body.currentLink).toBeNull();
    expect((await call(api.url, 'GET', '/v1/counterpart-requests', msitOfficer)).status).toBe(403);
    expect(
      (await call(api.url, 'POST', `/v1/counterpart-requests/${id}/chase`, fscHead, {})).status,
    ).toBe(404);
    expect(
      (await call(api.url, 'POST', `/v1/counterpart-requests/${id}/chase`, auditor, {})).status,
    ).toBe(403);

    // One open request per info request, racing drafts included.
    const w = await createWorkshop(api.url);
    const body = { workshopId: w.workshopId, infoRequestId: w.requestId };
    const racing = await Promise.all(
      [1, 2, 3].map(() => call(api.url, 'POST', '/v1/counterpart-requests', msitHead, body)),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);

    const cases: [string, string, unknown, string][] = [
      [
        'POST',
        '/v1/counterpart-requests',
        { workshopId: 'nope', infoRequestId: randomUUID() },
        'workshopId',
      ],
      ['POST', '/v1/counterpart-requests', { workshopId: randomUUID() }, 'infoRequestId'],
      ['POST', `/v1/counterpart-requests/${id}/chase`, { dueAt: 'tomorrow' }, 'dueAt'],
      ['POST', `/v1/counterpart-requests/${id}/chase`, { dueAt: '2020-01-01T00:00:00Z' }, 'dueAt'],
      ['POST', `/v1/counterpart-requests/${id}/close`, { outcome: 'maybe' }, 'outcome'],
      ['POST', `/v1/counterpart-requests/${id}/close`, { outcome: 'answered' }, 'outcome'],
      ['GET', '/v1/counterpart-requests?status=owed', undefined, 'status'],
      ['GET', '/v1/counterpart-requests/not-a-uuid', undefined, 'id'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await call(api.url, method, path, msitHead, body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status: 400 });
      expect(fieldsOf(res.body)).toContain(field);
    }
    expect(await typesOf(id)).toHaveLength(2);

    // The page: an empty answer names the text field, and the link still works afterwards.
    const { link } = await sentRequest();
    const empty = await post(pathOf(link.url), new FormData());
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('<strong>text</strong>');
    const refusedFile = new FormData();
    refusedFile.append(
      'files',
      new Blob([Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0])]),
      'tool.exe',
    );
    const badFile = await post(pathOf(link.url), refusedFile);
    expect(badFile.status).toBe(400);
    expect(badFile.html).toContain('<strong>files</strong>');
    expect((await page(pathOf(link.url))).status).toBe(200);

    // Files far above the JSON body limit (64 KiB) stream through to the store.
    const big = 'x,y\n'.repeat(100_000);
    const large = new FormData();
    large.append('files', new Blob([big], { type: 'text/csv' }), 'large.csv');
    const stored = await post(pathOf(link.url), large);
    expect(stored.status).toBe(200);
    expect(stored.html).toContain(createHash('sha256').update(big).digest('hex'));
  });

  it('the read table is rebuilt from the log to the same rows', async () => {
    await sentRequest();
    const pool = api.app.get<Pool>(PG_POOL);
    const rows = async () =>
      (await pool.query('SELECT * FROM counterpart_requests ORDER BY id')).rows;
    const before = await rows();
    expect(await rebuildCounterpartRequests(pool, store)).toBeGreaterThanOrEqual(before.length);
    expect(await rows()).toEqual(before);
  });

  it('the OpenAPI document describes the routes and their answers; the page is not an API route', () => {
    const doc = createOpenApiDocument(api.app);
    const answerOf = (path: string, method: string, status: string) =>
      JSON.stringify(
        (doc.paths[path] as Record<string, { responses: Record<string, unknown> }>)[method]
          .responses[status],
      );
    expect(answerOf('/v1/counterpart-requests', 'get', '200')).toContain(
      'CounterpartRequestsPageDto',
    );
    expect(answerOf('/v1/counterpart-requests/{id}', 'get', '200')).toContain(
      'CounterpartRequestDetailDto',
    );
    expect(answerOf('/v1/counterpart-requests/{id}/send', 'post', '200')).toContain(
      'CounterpartLinkResultDto',
    );
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/respond'))).toEqual([]);
  });
});
