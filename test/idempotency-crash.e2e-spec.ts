import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { startTestApi, TEST_JWT_SECRET, TestApi } from './support/api';
import { testPool } from './support/database';
import {
  createFollowUp,
  createWorkshop,
  inDays,
  kisaOfficer,
  msitHead,
  WorkshopFixture,
} from './support/fixtures';
import { call, Caller, JsonResponse } from './support/http';

const ENTRY = join(__dirname, 'fixtures/api-dies-after-append.process.ts');

/** An API process that dies right after its first append to a follow-up stream. */
async function startDoomedApi(): Promise<{ url: string; exited: Promise<unknown> }> {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', ENTRY], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      DIE_AFTER_APPEND_TO: 'follow-up-',
    },
    cwd: join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API not up:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`API exited with ${code}:\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, exited };
}

/**
 * A client that lost its answer retries against another API until it gets one: 409 "still
 * being processed" while the dead process's claim is young, then the first answer.
 */
async function retryUntilAnswered(
  url: string,
  path: string,
  who: Caller,
  body: object,
  key: string,
): Promise<JsonResponse> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await call(url, 'POST', path, who, body, { 'idempotency-key': key });
    if (res.status !== 409 || Date.now() > deadline) return res;
    expect(res.body).toMatchObject({ details: { code: 'IDEMPOTENCY_KEY_IN_USE' } });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('Idempotency-Key when the API dies between the append and the answer', () => {
  let api: TestApi;
  let pool: Pool;
  let w: WorkshopFixture;
  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(2);
    w = await createWorkshop(api.url);
  });
  afterAll(async () => {
    await api.close();
    await pool.end();
  });

  const eventsOf = async (type: string, where: string, value: string) =>
    (
      await pool.query<{ stream_id: string; version: number }>(
        `SELECT stream_id, version FROM events WHERE type = $1 AND ${where} = $2`,
        [type, value],
      )
    ).rows;

  it('answers the retry of an assignment with the one follow-up it made', async () => {
    const doomed = await startDoomedApi();
    const key = randomUUID();
    const title = `crash ${key}`;
    const body = {
      workshopId: w.workshopId,
      sourceId: w.actionId,
      assigneeAgency: 'KISA',
      title,
      dueAt: inDays(20),
    };

    await expect(
      call(doomed.url, 'POST', '/v1/follow-ups', msitHead, body, { 'idempotency-key': key }),
    ).rejects.toThrow(); // the connection dies with the process
    await doomed.exited;
    const written = await eventsOf('FollowUpAssigned', "data->>'title'", title);
    expect(written).toHaveLength(1); // the command was applied before the crash

    const retry = await retryUntilAnswered(api.url, '/v1/follow-ups', msitHead, body, key);

    expect(retry.status).toBe(201);
    expect(`follow-up-${retry.body.id}`).toBe(written[0].stream_id);
    expect(retry.body.version).toBe(1);
    expect(await eventsOf('FollowUpAssigned', "data->>'title'", title)).toHaveLength(1);
  });

  it('answers the retry of a verb with its first answer, not "already acknowledged"', async () => {
    const id = await createFollowUp(api.url, w);
    const doomed = await startDoomedApi();
    const key = randomUUID();
    const path = `/v1/follow-ups/${id}/acknowledge`;

    await expect(
      call(doomed.url, 'POST', path, kisaOfficer, {}, { 'idempotency-key': key }),
    ).rejects.toThrow();
    await doomed.exited;
    const acknowledged = await eventsOf('FollowUpAcknowledged', "data->>'followUpId'", id);
    expect(acknowledged).toHaveLength(1);

    const retry = await retryUntilAnswered(api.url, path, kisaOfficer, {}, key);

    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id, version: acknowledged[0].version });
    expect(await eventsOf('FollowUpAcknowledged', "data->>'followUpId'", id)).toHaveLength(1);
  });
});
