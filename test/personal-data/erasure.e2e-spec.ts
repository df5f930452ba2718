/**
 * Erasure by crypto-shredding, end to end: a person registered through the API has their name
 * and e-mail sealed in the log (never in clear there), signs in, is named in a colleague's
 * e-mail; an admin erases them. Afterwards no table (every column of every row, scanned as
 * text), no view, no export and no log line holds their name or e-mail in clear; rebuilding the
 * directory from the log brings nothing back; and the audit's verification still passes.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CredentialStore, hashPassword } from '@liaison/identity';
import { checkDirectory, rebuildDirectory, personStreamId } from '@liaison/directory';
import { EventStore } from '@liaison/event-store';
import { TestApi } from '../support/api';
import { testPool } from '../support/database';
import { tokenFor } from '../support/api';
import { createFollowUp, createWorkshop, msitHead } from '../support/fixtures';
import { call, caller } from '../support/http';
import {
  DEMO_PASSWORD,
  session,
  startIdentityApi,
  withSession,
} from '../identity/identity-harness';

const admin = caller('admin');
const auditor = caller('auditor');
const tag = randomUUID().slice(0, 8);
const nameKo = `삭제대상${tag}`;
const nameEn = `Erasable Person ${tag}`;
const email = `erasable.${tag}@kisa.example`;
const secrets = [nameKo, nameEn, email];
/** Free text they mark personal in a comment (their own circumstances). */
const personalNote = `병가 사유 ${tag}: 입원 치료, 연락처 010-5555-${tag.slice(0, 4)}`;
/** A progress note they mark personal, the same way. */
const personalProgress = `진행 지연 ${tag}: 담당자 가족 간병으로 휴가 중`;

let api: TestApi;
let pool: Pool;
const logged: string[] = [];
const writes = { out: process.stdout.write, err: process.stderr.write };

beforeAll(async () => {
  // Every log line of the API in this process, to look for the strings afterwards.
  for (const stream of [process.stdout, process.stderr] as const) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      logged.push(String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  }
  api = await startIdentityApi();
  pool = testPool(3);
});
afterAll(async () => {
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
  await pool.end();
  await api.close();
});

/** Every table of the database, every column (the row as text), holding `needle`. */
async function tablesHolding(needle: string): Promise<string[]> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name
     FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const { rows } = await pool.query(
      `SELECT 1 FROM ${name} t WHERE strpos(t::text, $1) > 0 LIMIT 1`,
      [needle],
    );
    if (rows.length > 0) found.push(name);
  }
  return found;
}

describe('personal data erasure (e2e)', () => {
  let personId: string;
  let login: string;

  it('seals the name and e-mail in the log; the people view shows them while the key exists', async () => {
    login = `erasable.${tag}`;
    const created = await call<{ id: string }>(api.url, 'POST', '/v1/people', admin, {
      login,
      displayName: { ko: nameKo, en: nameEn },
      email,
      agency: 'KISA',
      roles: ['agency_officer'],
    });
    expect(created.status).toBe(201);
    personId = created.body.id;

    const { rows } = await pool.query<{ data: Record<string, unknown>; schema_version: number }>(
      'SELECT data, schema_version FROM events WHERE stream_id = $1 ORDER BY version',
      [personStreamId(personId)],
    );
    expect(rows[0].schema_version).toBe(3);
    expect(rows[0].data).not.toHaveProperty('email');
    expect(rows[0].data.sealed).toMatchObject({ enc: 'v2', keyRef: personId });
    for (const s of secrets) expect(await tablesHolding(s)).toEqual(['public.people']);

    const person = await call(api.url, 'GET', `/v1/people/${personId}`, admin);
    expect(person.body).toMatchObject({ displayName: { ko: nameKo, en: nameEn }, email });
  });

  it('after erasure: no table, view, export or log line holds them; sessions are gone; verify passes', async () => {
    await api.app.get(CredentialStore).set(personId, await hashPassword(DEMO_PASSWORD), 'spec');
    const s = await session(api.url, login);
    expect((await withSession(api.url, 'GET', '/v1/me', s)).body).toMatchObject({
      person: { email },
    });
    // A colleague's e-mail that names them (as an assignment notice would).
    await pool.query(
      `INSERT INTO notification_outbox (event_id, person_id, channel, kind, email, language,
         subject, body, message_id, day)
       VALUES ($1, $2, 'email', 'assignment', 'colleague@kisa.example', 'en', $3, $4, $5, now())`,
      [
        randomUUID(),
        randomUUID(),
        `Assigned to ${nameEn}`,
        `${nameKo} (${email}) now holds it`,
        `<${tag}@liaison>`,
      ],
    );

    // A colleague's in-app line that names them as the one who acted.
    await pool.query(
      `INSERT INTO notifications (event_id, person_id, kind, position, facts, created_at)
       VALUES ($1, $2, 'comment', 0, $3, now())`,
      [randomUUID(), randomUUID(), { actorName: { ko: nameKo, en: nameEn } }],
    );

    // A comment they marked personal: sealed under their key, shown to the task's readers.
    const w = await createWorkshop(api.url);
    const task = await createFollowUp(api.url, w, 'in_progress');
    const self = {
      role: 'agency_officer' as const,
      agency: 'KISA',
      token: tokenFor('agency_officer', 'KISA', personId),
    };
    const wrote = await call(api.url, 'POST', `/v1/follow-ups/${task}/comments`, self, {
      body: personalNote,
      personal: true,
    });
    expect(wrote.status).toBe(201);
    const comments = async () =>
      (
        await call<{ items: { body: string; personal?: boolean }[] }>(
          api.url,
          'GET',
          `/v1/follow-ups/${task}/comments`,
          msitHead,
        )
      ).body.items;
    expect(await comments()).toEqual([
      expect.objectContaining({ body: personalNote, personal: true }),
    ]);
    expect(await tablesHolding(personalNote)).toEqual([]); // never in clear, not even now

    // A progress note they marked personal: sealed likewise, opened in the task and its history.
    const progressed = await call(api.url, 'POST', `/v1/follow-ups/${task}/progress`, self, {
      note: personalProgress,
      personal: true,
    });
    expect(progressed.status).toBe(200);
    const progress = async () => {
      const t = await call<{ lastNote?: string }>(
        api.url,
        'GET',
        `/v1/follow-ups/${task}`,
        msitHead,
      );
      const h = await call<{ items: { type: string; data: Record<string, unknown> }[] }>(
        api.url,
        'GET',
        `/v1/follow-ups/${task}/history`,
        msitHead,
      );
      return {
        lastNote: t.body.lastNote,
        history: h.body.items.find((i) => i.type === 'FollowUpProgressReported')?.data,
      };
    };
    expect(await progress()).toEqual({
      lastNote: personalProgress,
      history: expect.objectContaining({ note: personalProgress, personal: true }),
    });
    const { rows: stored } = await pool.query<{ data: { note: unknown } }>(
      `SELECT data FROM events WHERE stream_id = $1 AND type = 'FollowUpProgressReported'`,
      [`follow-up-${task}`],
    );
    expect(stored[0].data.note).toMatchObject({ enc: 'v1', keyRef: personId });
    expect(await tablesHolding(personalProgress)).toEqual([]);

    const erased = await call(api.url, 'POST', `/v1/people/${personId}/erase`, admin, {
      reason: 'PIPA art. 36 request',
    });
    expect(erased.status).toBe(200);
    // the note reads as erased, and is nowhere in clear
    expect(await comments()).toEqual([
      expect.objectContaining({ body: '(erased)', personal: true }),
    ]);
    expect(await tablesHolding(personalNote)).toEqual([]);
    expect(await progress()).toEqual({
      lastNote: '(erased)',
      history: expect.objectContaining({ note: '(erased)', personal: true }),
    });
    expect(await tablesHolding(personalProgress)).toEqual([]);

    for (const s of secrets) expect(await tablesHolding(s)).toEqual([]);

    const person = await call(api.url, 'GET', `/v1/people/${personId}`, admin);
    expect(person.body).toMatchObject({
      displayName: { ko: '(삭제됨)', en: '(erased)' },
      email: '(erased)',
      active: false,
    });
    // Their session ended with the erasure; their password is gone.
    expect((await withSession(api.url, 'GET', '/v1/me', s)).status).toBe(401);
    const { rowCount } = await pool.query('SELECT 1 FROM credentials WHERE person_id = $1', [
      personId,
    ]);
    expect(rowCount).toBe(0);

    const exported = await fetch(`${api.url}/v1/audit/export`, {
      // other specs' restricted tasks may be in the shared log
      headers: { authorization: `Bearer ${auditor.token}`, 'x-audit-reason': 'erasure spec' },
    });
    expect(exported.status).toBe(200);
    const text = await exported.text();
    expect(text).toContain(personStreamId(personId));
    for (const s of [...secrets, personalNote, personalProgress]) expect(text).not.toContain(s);

    const verified = await call<{ ok: boolean }>(api.url, 'GET', '/v1/audit/verify', auditor);
    expect(verified.status).toBe(200);
    expect(verified.body.ok).toBe(true);

    for (const s of [...secrets, personalNote, personalProgress])
      expect(logged.join('')).not.toContain(s);
  }, 60_000);

  it('a rebuild of the directory from the log brings nothing back', async () => {
    await rebuildDirectory(pool, new EventStore(pool));
    for (const s of secrets) expect(await tablesHolding(s)).toEqual([]);
    expect((await checkDirectory(pool)).differences.filter((d) => d.table === 'people')).toEqual(
      [],
    );
  }, 60_000);

  it('refuses a second erasure, and an erasure of a person recorded in clear (409)', async () => {
    const again = await call(api.url, 'POST', `/v1/people/${personId}/erase`, admin, {
      reason: 'again',
    });
    expect(again.status).toBe(409);

    const old = randomUUID();
    await new EventStore(pool).append(
      personStreamId(old),
      [
        {
          type: 'PersonRegistered',
          data: {
            personId: old,
            login: `clear.${tag}`,
            displayName: { ko: '평문', en: 'Clear Text' },
            email: `clear.${tag}@kisa.example`,
            agency: 'KISA',
            roles: ['agency_officer'],
          },
          metadata: { actor: 'spec', role: 'system', correlation_id: `spec:${tag}` },
        },
      ],
      { expectedVersion: 'no_stream' },
    );
    const refused = await call(api.url, 'POST', `/v1/people/${old}/erase`, admin, {
      reason: 'request',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ state: 'clear_text_in_log' });
  });

  it('400 without a reason; 403 for anyone but an admin', async () => {
    const bad = await call(api.url, 'POST', `/v1/people/${randomUUID()}/erase`, admin, {});
    expect(bad.status).toBe(400);
    const forbidden = await call(api.url, 'POST', `/v1/people/${randomUUID()}/erase`, auditor, {
      reason: 'x',
    });
    expect(forbidden.status).toBe(403);
  });
});
