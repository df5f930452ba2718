import { Pool } from 'pg';
import { BODY_LIMIT_BYTES } from '../apps/api/src/app.factory';
import { startTestApi, TestApi } from './support/api';
import { testPool } from './support/database';
import {
  createFollowUp,
  createWorkshop,
  inDays,
  kisaOfficer,
  msitHead,
  WorkshopFixture,
} from './support/fixtures';
import { call, Caller } from './support/http';

/** Bad input gets a 4xx that names the field, and the event log holds nothing new afterwards. */
describe('bad input', () => {
  let api: TestApi;
  let pool: Pool;
  let w: WorkshopFixture;
  let followUpId: string;

  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(2);
    w = await createWorkshop(api.url);
    followUpId = await createFollowUp(api.url, w);
  });
  afterAll(async () => {
    await api.close();
    await pool.end();
  });

  const lastPosition = async () =>
    Number((await pool.query('SELECT coalesce(max(position), 0) AS p FROM events')).rows[0].p);

  const validAssignment = () => ({
    workshopId: w.workshopId,
    sourceId: w.actionId,
    assigneeAgency: 'KISA',
    title: 'A task',
    dueAt: inDays(5),
  });

  type Request = { method: string; path: string; body: unknown; as?: Caller };
  type Case = [string, number, string, () => Request];
  const cases: Case[] = [
    [
      'malformed JSON',
      400,
      'JSON',
      () => ({ method: 'POST', path: '/v1/follow-ups', body: '{"workshopId": ' }),
    ],
    [
      'a wrong type',
      400,
      'title',
      () => ({ method: 'POST', path: '/v1/follow-ups', body: { ...validAssignment(), title: 42 } }),
    ],
    [
      'an array for a string',
      400,
      'title',
      () => ({ method: 'POST', path: '/v1/workshops', body: { title: ['x'] } }),
    ],
    [
      'an unknown field',
      400,
      'owner',
      () => ({
        method: 'POST',
        path: '/v1/follow-ups',
        body: { ...validAssignment(), owner: 'me' },
      }),
    ],
    [
      'an unknown agency',
      422,
      'assigneeAgency',
      () => ({
        method: 'POST',
        path: '/v1/follow-ups',
        body: { ...validAssignment(), assigneeAgency: 'NASA' },
      }),
    ],
    [
      'a malformed agency code',
      400,
      'assigneeAgency',
      () => ({
        method: 'POST',
        path: '/v1/follow-ups',
        body: { ...validAssignment(), assigneeAgency: 'kisa!' },
      }),
    ],
    [
      'a counterpart as assignee',
      422,
      'assigneeAgency',
      () => ({
        method: 'POST',
        path: '/v1/follow-ups',
        body: { ...validAssignment(), assigneeAgency: 'OPENAI' },
      }),
    ],
    [
      'a past due date',
      422,
      'dueAt',
      () => ({
        method: 'POST',
        path: '/v1/follow-ups',
        body: { ...validAssignment(), dueAt: '2020-01-01T00:00:00Z' },
      }),
    ],
    [
      'a due date without time zone',
      400,
      'dueAt',
      () => ({
        method: 'POST',
        path: '/v1/follow-ups',
        body: { ...validAssignment(), dueAt: '2030-01-01T00:00:00' },
      }),
    ],
    [
      'a source that is not in the workshop',
      422,
      'sourceId',
      () => ({
        method: 'POST',
        path: '/v1/follow-ups',
        body: { ...validAssignment(), sourceId: '00000000-0000-4000-8000-000000000000' },
      }),
    ],
    [
      'a non-uuid id in the path',
      400,
      'id',
      () => ({
        method: 'POST',
        path: '/v1/follow-ups/not-a-uuid/acknowledge',
        body: {},
        as: kisaOfficer,
      }),
    ],
    [
      'a non-uuid workshop id in the body',
      400,
      'workshopId',
      () => ({
        method: 'POST',
        path: '/v1/follow-ups',
        body: { ...validAssignment(), workshopId: '123' },
      }),
    ],
    [
      'an empty reason',
      400,
      'reason',
      () => ({
        method: 'POST',
        path: `/v1/follow-ups/${followUpId}/cancel`,
        body: { reason: '   ' },
      }),
    ],
    [
      'a missing body field',
      400,
      'reason',
      () => ({ method: 'POST', path: `/v1/follow-ups/${followUpId}/reject`, body: {} }),
    ],
    [
      'an impossible date',
      422,
      'heldOn',
      () => ({
        method: 'POST',
        path: '/v1/workshops',
        body: {
          title: 'W',
          heldOn: '2026-02-30',
          hostAgency: 'MSIT',
          counterparts: [],
          attendingAgencies: [],
          topics: [],
        },
      }),
    ],
    [
      'an unknown priority',
      400,
      'priority',
      () => ({
        method: 'POST',
        path: '/v1/follow-ups',
        body: { ...validAssignment(), priority: 'asap' },
      }),
    ],
    [
      'an oversized body',
      413,
      'body',
      () => ({
        method: 'POST',
        path: '/v1/follow-ups',
        body: { ...validAssignment(), instructions: 'x'.repeat(BODY_LIMIT_BYTES) },
      }),
    ],
  ];

  it.each(cases)(
    'refuses %s: %i naming %s, and writes nothing',
    async (_label, status, named, make) => {
      const before = await lastPosition();
      const { method, path, body, as } = make();
      const res = await call<{ statusCode: number; message: string }>(
        api.url,
        method,
        path,
        as ?? msitHead,
        body,
      );
      expect(res.status).toBe(status);
      expect(res.body.statusCode).toBe(status);
      expect(res.body.message.toLowerCase()).toContain(named.toLowerCase());
      expect(await lastPosition()).toBe(before);
    },
  );

  it('refuses a bad If-Match header by name', async () => {
    const res = await call(
      api.url,
      'POST',
      `/v1/follow-ups/${followUpId}/cancel`,
      msitHead,
      { reason: 'x' },
      { 'if-match': 'abc' },
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('If-Match');
  });
});
