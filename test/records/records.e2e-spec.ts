import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { AuditService } from '@liaison/audit';
import { EventStore } from '@liaison/event-store';
import { PostgresFileStore } from '../../libs/files/src/stores/postgres-file-store';
import { samplePdf } from '../../libs/files/src/testing/sample-files';
import { RecordsClock, verifyTransferPackage, writeTransferPackage } from '@liaison/records';
import { startProjections, startTestApi, TestApi } from '../support/api';
import { call, caller, Caller } from '../support/http';
import {
  auditor,
  createFollowUp,
  createWorkshop,
  kisaOfficer,
  msitHead,
  WorkshopFixture,
} from '../support/fixtures';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/throwaway-database';

const run = promisify(execFile);

/** What `audit verify` answers, as far as these specs read it. */
interface VerifyBody {
  ok: boolean;
  firstBroken?: { position: number; check: string };
  disposed?: { events: number; ranges: { streamId: string }[] };
}

/**
 * Records management end to end, on a database of its own (it disposes of events and, last,
 * tampers with one): clocks start when a task closes, the review lists what is due, a hold
 * stops disposal, disposal leaves tombstones that `audit verify` names as disposed (and a
 * changed event that is not disposed still fails), the transfer package verifies offline and
 * fails naming the file with one byte changed; only records officers change anything.
 */
describe('records: retention, review, hold, disposal, transfer (e2e)', () => {
  let db: ThrowawayDatabase;
  let api: TestApi;
  let pool: Pool;
  let w: WorkshopFixture;
  let disposedTask: string;
  let cancelledTask: string;
  let fileSha: string;
  let meetingSeries = '';
  let digestPeople = { sent: '', pending: '' };
  const DISPOSED_TITLE = `Secret channel ${randomUUID().slice(0, 8)}`;
  let stopProjections: (() => Promise<void>) | undefined;
  const savedUrl = process.env.TEST_DATABASE_URL;
  const officer = caller('records_officer');
  const kisaHead = caller('bureau_head', 'KISA');
  const koreanYear = () => new Date(Date.now() + 9 * 3_600_000).getUTCFullYear();
  const fieldsOf = (body: unknown) =>
    (((body as { details?: unknown }).details ?? []) as { field: string }[]).map((d) => d.field);

  const record = (id: string, who: Caller = officer) =>
    call<Record<string, unknown>>(api.url, 'GET', `/v1/records/${id}`, who);
  /**
   * The clocks read the log up to its safe point, which an append still open elsewhere in the
   * suite's database holds back for a moment: a close is asked again until it shows (5 s at most).
   */
  async function closedRecord(id: string) {
    for (let tries = 0; ; tries++) {
      const res = await record(id);
      if (res.body.closedAt || tries === 50) return res;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const verb = async (who: Caller, id: string, name: string, body: object = {}) => {
    const res = await call(api.url, 'POST', `/v1/follow-ups/${id}/${name}`, who, body);
    expect(res.status).toBeLessThan(300);
  };
  async function upload(id: string, content: Buffer, name: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), name);
    const res = await fetch(`${api.url}/v1/follow-ups/${id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kisaOfficer.token}` },
      body: form,
    });
    const body = (await res.json()) as { sha256: string };
    expect(res.status).toBe(201);
    return body.sha256;
  }

  /**
   * Copies of the task's content outside its stream, as the system makes them: a meeting held
   * while the task was open (its agenda), a stored idempotent answer, and the e-mails the
   * notification planner renders with the title (an e-mail, a sent digest, a pending digest
   * shared with another task's item; written as the planner writes them, SMTP being off here).
   */
  async function copiesElsewhere(): Promise<void> {
    const series = await call<{ id: string }>(api.url, 'POST', '/v1/meeting-series', msitHead, {
      workshopId: w.workshopId,
      actionId: w.actionId,
    });
    expect(series.status).toBe(201);
    const meetings = `/v1/meeting-series/${series.body.id}/meetings`;
    expect(
      (
        await call(api.url, 'POST', meetings, msitHead, {
          startsAt: '2026-11-25T14:00:00+09:00',
          durationMinutes: 60,
        })
      ).status,
    ).toBe(201);
    const held = await call(api.url, 'POST', `${meetings}/1/held`, msitHead, {
      date: '2026-11-25',
      attendees: { people: [], agencies: ['OPENAI'] },
      minutes: 'channel',
      decisions: [],
    });
    expect(held.status).toBe(200);
    meetingSeries = series.body.id;
    const commented = await call(
      api.url,
      'POST',
      `/v1/follow-ups/${disposedTask}/comments`,
      kisaOfficer,
      { body: `draft ready (${DISPOSED_TITLE})` },
      { 'idempotency-key': `records-${disposedTask}` },
    );
    expect(commented.status).toBe(201);
    const { rows } = await pool.query<{ event_id: string; stream_id: string }>(
      `SELECT event_id, stream_id FROM events WHERE stream_id = ANY($1) ORDER BY position`,
      [[`follow-up-${disposedTask}`, `follow-up-${cancelledTask}`]],
    );
    const mine = rows.filter((r) => r.stream_id === `follow-up-${disposedTask}`);
    const other = rows.find((r) => r.stream_id === `follow-up-${cancelledTask}`)!;
    const [p1, p2] = [randomUUID(), randomUUID()];
    const outbox = (
      event: string,
      person: string,
      channel: string,
      digestDay: string | null,
      title = DISPOSED_TITLE,
    ) =>
      pool.query(
        `INSERT INTO notification_outbox (event_id, person_id, channel, kind, email, language,
           subject, body, message_id, day, digest_day)
         VALUES ($1, $2, $3, 'assignment', 'kim@example.go.kr', 'ko', $4, $5, $6, '2026-11-20', $7)`,
        [
          event,
          person,
          channel,
          `[Liaison] 배정: ${title}`,
          `과제: ${title}`,
          `<${randomUUID()}@liaison>`,
          digestDay,
        ],
      );
    const digest = (person: string, status: string) =>
      pool.query(
        `INSERT INTO notification_digests (person_id, day, email, language, subject, body,
           message_id, items, status)
         VALUES ($1, '2026-11-20', 'kim@example.go.kr', 'ko', '[Liaison] 오늘의 알림', $2, $3, 2, $4)`,
        [person, `- ${DISPOSED_TITLE}\n- the other task`, `<${randomUUID()}@liaison>`, status],
      );
    await outbox(mine[0].event_id, p1, 'email', null);
    await digest(p1, 'sent');
    await outbox(mine[1].event_id, p1, 'digest', '2026-11-20');
    await digest(p2, 'pending');
    await outbox(mine[1].event_id, p2, 'digest', '2026-11-20');
    await outbox(other.event_id, p2, 'digest', '2026-11-20', 'the other task');
    digestPeople = { sent: p1, pending: p2 };
  }

  beforeAll(async () => {
    db = await createThrowawayDatabase('records_e2e', 6);
    process.env.TEST_DATABASE_URL = db.url;
    api = await startTestApi();
    pool = db.pool;
    stopProjections = await startProjections(pool);
    w = await createWorkshop(api.url);
    disposedTask = await createFollowUp(api.url, w, 'in_progress', DISPOSED_TITLE);
    fileSha = await upload(disposedTask, samplePdf(), 'channel-plan.pdf');
    cancelledTask = await createFollowUp(api.url, w, 'in_progress');
    await upload(cancelledTask, samplePdf('the cancelled task'), 'draft.pdf');
    await copiesElsewhere();
    // The records clock reads the log below every open transaction (the global order's rule):
    // wait until the projections that the meeting and the comment woke have let it through.
    for (let i = 0; i < 100; i++) {
      const found = await Promise.all(
        [disposedTask, cancelledTask].map((t) => record(`follow-up-${t}`)),
      );
      if (found.every((r) => r.status === 200)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 60_000);

  afterAll(async () => {
    await stopProjections?.();
    await api?.close();
    if (savedUrl === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = savedUrl;
    await db?.drop();
  });

  it('a record has its kind’s default retention; the clock starts when the task closes', async () => {
    const open = await record(`follow-up-${disposedTask}`);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({
      kind: 'follow-up',
      recordClass: 'task-handling',
      retention: 5,
      closedAt: null,
      disposalDueOn: null,
    });
    expect((await record(`workshop-${w.workshopId}`)).body).toMatchObject({
      recordClass: 'policy-meeting',
      retention: 10,
      closedAt: null,
    });

    await verb(kisaOfficer, disposedTask, 'submit', { response: 'Channel set up' });
    await verb(msitHead, disposedTask, 'accept');
    const closed = await closedRecord(`follow-up-${disposedTask}`);
    expect(closed.body.closedAt).toEqual(expect.any(String));
    expect(closed.body.disposalDueOn).toBe(`${koreanYear() + 1 + 5}-01-01`);
    // The workshop still has an open task: its clock has not started.
    expect((await record(`workshop-${w.workshopId}`)).body.closedAt).toBeNull();

    await verb(msitHead, cancelledTask, 'cancel', { reason: 'Superseded by the new channel' });
    const workshop = await closedRecord(`workshop-${w.workshopId}`);
    expect(workshop.body.closedAt).toEqual(expect.any(String));
    expect(workshop.body.disposalDueOn).toBe(`${koreanYear() + 1 + 10}-01-01`);
  });

  it('only a records officer sets the retention (403 others); bad input is a 400 naming the field', async () => {
    const path = `/v1/records/follow-up-${disposedTask}/retention`;
    for (const who of [msitHead, kisaHead, auditor, caller('admin')]) {
      expect((await call(api.url, 'PUT', path, who, { retention: 1, reason: 'x' })).status).toBe(
        403,
      );
    }
    const bad = [
      [{ retention: 7, reason: 'x' }, 'retention'],
      [{ retention: 1 }, 'reason'],
      [{ recordClass: 'secret', reason: 'x' }, 'recordClass'],
      [{ reason: 'nothing to change' }, 'retention'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await call(api.url, 'PUT', path, officer, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
    }
    const badId = await call(api.url, 'PUT', '/v1/records/nonsense/retention', officer, {
      retention: 1,
      reason: 'x',
    });
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId.body)).toContain('recordId');

    const set = await call(api.url, 'PUT', path, officer, {
      retention: 1,
      reason: 'Routine channel set-up: 1 year (기록관리기준표)',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ retention: 1, disposalDueOn: `${koreanYear() + 2}-01-01` });
    const events = await pool.query(
      `SELECT type, data, metadata FROM events
      WHERE stream_id = $1 ORDER BY version`,
      [`record-follow-up-${disposedTask}`],
    );
    expect(events.rows.map((r) => r.type)).toEqual(['RecordClosed', 'RecordRetentionSet']);
    expect(events.rows[1].metadata).toMatchObject({ role: 'records_officer' });
  });

  it('the disposal review lists records due on a day; only records officers and auditors read it', async () => {
    const due = `${koreanYear() + 2}-01-01`;
    const review = (on: string, who: Caller = officer) =>
      call<{ items: { recordId: string; disposable: boolean }[] }>(
        api.url,
        'GET',
        `/v1/records/disposal-review?on=${on}`,
        who,
      );
    const ids = async (on: string) => (await review(on)).body.items.map((i) => i.recordId);
    expect(await ids(due)).toEqual([`follow-up-${disposedTask}`]);
    expect(await ids(`${koreanYear() + 1}-12-31`)).toEqual([]);
    expect(await ids(`${koreanYear() + 20}-01-01`)).toEqual(
      expect.arrayContaining([`follow-up-${cancelledTask}`, `workshop-${w.workshopId}`]),
    );
    expect((await review(due, auditor)).status).toBe(200);
    expect((await review(due, msitHead)).status).toBe(403);
    const bad = await review('next-year');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toContain('on');
  });

  it('a legal hold stops disposal; disposal is refused before the due date and to others', async () => {
    const id = `follow-up-${disposedTask}`;
    const dispose = (who: Caller = officer) =>
      call<Record<string, unknown>>(api.url, 'POST', `/v1/records/${id}/disposal`, who, {});
    // Not due yet (today).
    const early = await dispose();
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/kept until/);

    api.app.get(RecordsClock).now = () => new Date(`${koreanYear() + 2}-02-01T00:00:00Z`);
    const hold = await call(api.url, 'POST', `/v1/records/${id}/legal-hold`, officer, {
      reason: 'Audit of the 2026 workshops (감사원)',
    });
    expect(hold.status).toBe(200);
    const held = await dispose();
    expect(held.status).toBe(409);
    expect(held.body.message).toMatch(/legal hold/);
    const review = await call<{ items: { recordId: string; disposable: boolean }[] }>(
      api.url,
      'GET',
      `/v1/records/disposal-review`,
      officer,
    );
    expect(review.body.items.find((i) => i.recordId === id)?.disposable).toBe(false);
    expect((await dispose(msitHead)).status).toBe(403);
    expect((await dispose(auditor)).status).toBe(403);
    // Nothing was removed by the refusals.
    const still = await pool.query(
      `SELECT count(*)::int AS n FROM events WHERE stream_id = $1
      AND data ? '$disposed'`,
      [id],
    );
    expect(still.rows[0].n).toBe(0);

    const lift = await call(api.url, 'POST', `/v1/records/${id}/legal-hold/lift`, officer, {
      reason: 'Audit closed',
    });
    expect(lift.status).toBe(200);
  });

  it('disposal replaces content with tombstones, removes the file, keeps hashes; audit verify names it disposed', async () => {
    const id = `follow-up-${disposedTask}`;
    const before = await pool.query(
      `SELECT position, encode(hash, 'hex') AS hash FROM events WHERE stream_id = $1 ORDER BY version`,
      [id],
    );
    const readRows = async () =>
      (
        await pool.query<{ n: number }>(
          `SELECT (SELECT count(*) FROM follow_up_board WHERE follow_up_id = $1)
                + (SELECT count(*) FROM search_documents WHERE item_id = $1::text) AS n`,
          [disposedTask],
        )
      ).rows[0].n;
    for (let i = 0; i < 100 && Number(await readRows()) < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(Number(await readRows())).toBe(2);
    const res = await call<{ events: number; files: number; disposal: { position: number } }>(
      api.url,
      'POST',
      `/v1/records/${id}/disposal`,
      officer,
      {},
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ events: before.rows.length, files: 1 });

    const after = await pool.query(
      `SELECT position, encode(hash, 'hex') AS hash, data FROM events WHERE stream_id = $1 ORDER BY version`,
      [id],
    );
    expect(after.rows.map((r) => r.hash)).toEqual(before.rows.map((r) => r.hash));
    for (const row of after.rows) expect(Object.keys(row.data)).toEqual(['$disposed']);
    expect(JSON.stringify(after.rows)).not.toContain('Channel set up');
    // The read tables that copied its content lost their rows with it.
    expect(Number(await readRows())).toBe(0);
    // …and every other store that held a copy: no row anywhere names the title (the log's
    // other streams, the e-mail outbox, digests, stored idempotent answers, views); a sent
    // digest keeps its envelope, a pending one is undone and the other task's item freed.
    const tables = (
      await pool.query<{ t: string }>(
        `SELECT quote_ident(table_name) AS t FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      )
    ).rows.map((r) => r.t);
    const holding: string[] = [];
    for (const t of tables) {
      const hit = await pool.query(`SELECT 1 FROM ${t} x WHERE x::text LIKE $1 LIMIT 1`, [
        `%${DISPOSED_TITLE}%`,
      ]);
      if (hit.rowCount) holding.push(t);
    }
    expect(holding).toEqual([]);
    const stored = await pool.query(
      `SELECT 1 FROM idempotency_keys WHERE strpos(response::text, $1) > 0`,
      [disposedTask],
    );
    expect(stored.rowCount).toBe(0);
    const digests = await pool.query<{ person_id: string; status: string }>(
      `SELECT person_id, status FROM notification_digests WHERE person_id = ANY($1)`,
      [[digestPeople.sent, digestPeople.pending]],
    );
    expect(digests.rows).toEqual([{ person_id: digestPeople.sent, status: 'sent' }]);
    const freed = await pool.query(
      `SELECT digest_day FROM notification_outbox WHERE person_id = $1`,
      [digestPeople.pending],
    );
    expect(freed.rows).toEqual([{ digest_day: null }]);
    // the meeting's agenda still lists the item, marked disposed, without a title
    const series = await call<{
      meetings: { agenda: { followUpId: string; disposed?: boolean; title?: string }[] }[];
    }>(api.url, 'GET', `/v1/meeting-series/${meetingSeries}`, msitHead);
    expect(series.body.meetings[0].agenda.find((i) => i.followUpId === disposedTask)).toMatchObject(
      {
        disposed: true,
      },
    );
    expect(JSON.stringify(series.body)).not.toContain(DISPOSED_TITLE);
    expect(
      (await pool.query('SELECT 1 FROM file_blobs WHERE sha256 = $1', [fileSha])).rowCount,
    ).toBe(0);
    const disposal = await pool.query(
      `SELECT type, data FROM events WHERE stream_id = $1 AND type = 'RecordDisposed'`,
      [`record-${id}`],
    );
    expect(disposal.rows[0].data.events).toHaveLength(before.rows.length);
    expect(disposal.rows[0].data.approvedBy).toBe('records_officer.x');

    // Disposed again: 409.
    expect((await call(api.url, 'POST', `/v1/records/${id}/disposal`, officer, {})).status).toBe(
      409,
    );

    const verify = await call<VerifyBody>(api.url, 'GET', '/v1/audit/verify', auditor);
    expect(verify.status).toBe(200);
    expect(verify.body.ok).toBe(true);
    expect(verify.body.disposed).toEqual({
      events: before.rows.length,
      ranges: [
        expect.objectContaining({ streamId: id, fromVersion: 1, toVersion: before.rows.length }),
      ],
    });

    // The CLI says the same (and the files check skips the disposed file).
    const cli = await run(
      process.execPath,
      ['-r', '@swc-node/register', 'libs/audit/src/cli/audit.cli.ts', 'verify', '--workers', '0'],
      { env: { ...process.env, NODE_ENV: 'test', TEST_DATABASE_URL: db.url } },
    );
    const report = JSON.parse(cli.stdout) as VerifyBody;
    expect(report.ok).toBe(true);
    expect(report.disposed?.ranges[0]).toMatchObject({ streamId: id });
  }, 60_000);

  it('the transfer package verifies offline, and fails naming the file with one byte changed', async () => {
    const out = await mkdtemp(join(tmpdir(), 'records-transfer-'));
    try {
      const store = new EventStore(pool);
      const who = { actor: 'records_officer.x', role: 'records_officer' };
      const recordId = `follow-up-${cancelledTask}`;
      const manifest = await writeTransferPackage(
        new AuditService(pool, store),
        new PostgresFileStore(pool),
        who,
        recordId,
        out,
      );
      const paths = manifest.files.map((f) => f.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'audit-export.ndjson',
          'record/events.ndjson',
          'seal-public-keys.pem',
        ]),
      );
      const filePath = paths.find((p) => p.startsWith('files/'))!;
      expect(filePath).toBeDefined();

      const ok = await verifyTransferPackage(out);
      expect(ok.problems).toEqual([]);
      expect(ok.ok).toBe(true);
      // Other records' lines are elided (the seals still cover them): no other content leaves.
      expect(ok.log?.elided).toBeGreaterThan(0);
      const log = await readFile(join(out, 'audit-export.ndjson'), 'utf8');
      expect(log).not.toContain('AI security workshop with OpenAI');
      expect(log).toContain('draft.pdf');
      expect(ok.recordEvents).toBeGreaterThan(4);

      // The audit's own offline verifier accepts the package's log as it is.
      const audit = await run(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          'libs/audit/src/cli/audit.cli.ts',
          'verify-file',
          join(out, 'audit-export.ndjson'),
          '--public-key',
          join(out, 'seal-public-keys.pem'),
        ],
        { env: { ...process.env, NODE_ENV: 'test' } },
      );
      expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true });

      for (const path of [filePath, 'record/events.ndjson', 'audit-export.ndjson']) {
        const original = await readFile(join(out, path));
        const changed = Buffer.from(original);
        changed[Math.floor(changed.length / 2)] ^= 0x01;
        await writeFile(join(out, path), changed);
        const report = await verifyTransferPackage(out);
        expect(report.ok).toBe(false);
        expect(report.problems.map((p) => p.file)).toContain(path);
        await writeFile(join(out, path), original);
      }
      expect((await verifyTransferPackage(out)).ok).toBe(true);

      // The CLI's offline check, no database.
      const cli = await run(
        process.execPath,
        ['-r', '@swc-node/register', 'libs/records/src/cli/records.cli.ts', 'verify-transfer', out],
        { env: { ...process.env, NODE_ENV: 'test' } },
      );
      expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, recordId });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('a changed event that was not disposed of still fails, even with a forged disposal mark', async () => {
    const { rows } = await pool.query(
      `SELECT position FROM events WHERE stream_id = $1 ORDER BY version LIMIT 1`,
      [`follow-up-${cancelledTask}`],
    );
    const position = Number(rows[0].position);
    await pool.query(
      `UPDATE events SET data = jsonb_set(data, '{title}', '"A title nobody wrote"') WHERE position = $1`,
      [position],
    );
    const verify = async () =>
      (await call<VerifyBody>(api.url, 'GET', '/v1/audit/verify', auditor)).body;
    const broken = await verify();
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken).toMatchObject({ position, check: 'chain' });

    // A mark in the table without a RecordDisposed event naming it is not trusted, tombstone or not.
    const disposal = await pool.query(
      `SELECT position FROM events WHERE type = 'RecordDisposed' LIMIT 1`,
    );
    await pool.query(
      `UPDATE events SET data = '{"$disposed": {"record": "forged", "disposal": "x"}}' WHERE position = $1`,
      [position],
    );
    await pool.query(
      `INSERT INTO audit_disposed_events (position, stream_id, version, hash, disposal_position, record_id)
       SELECT position, stream_id, version, hash, $2, 'forged' FROM events WHERE position = $1`,
      [position, disposal.rows[0].position],
    );
    const forged = await verify();
    expect(forged.ok).toBe(false);
    expect(forged.firstBroken).toMatchObject({ position });
  });
});
