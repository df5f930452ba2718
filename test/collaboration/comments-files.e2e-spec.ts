import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { verifyAttachedFiles } from '../../libs/audit/src/export/file-export';
import { PostgresFileStore } from '../../libs/files/src/stores/postgres-file-store';
import { samplePdf, samplePng } from '../../libs/files/src/testing/sample-files';
import { startTestApi, TestApi, tokenFor } from '../support/api';
import { testPool } from '../support/database';
import {
  admin,
  auditor,
  createWorkshop,
  inDays,
  msitHead,
  WorkshopFixture,
} from '../support/fixtures';
import { call, Caller } from '../support/http';

const LIMIT = 64 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Comments {
  items: {
    commentId: string;
    body: string;
    side: string;
    mentions: string[];
    author: { id: string; role: string; agency?: string };
  }[];
  people: Record<string, { ko: string; en: string }>;
}
interface Upload {
  fileId: string;
  sha256: string;
  size: number;
  mediaType: string;
}

/**
 * Comments, mentions and files on a follow-up through HTTP, with people of the directory:
 * either side writes, a mention names someone who can see the task, and whoever may not see
 * the task can neither read nor add (404); uploads limited (413), typed by content (415), and a
 * download refuses content changed in the database or on disk.
 */
describe('comments and files on a follow-up', () => {
  let api: TestApi;
  let pool: Pool;
  let w: WorkshopFixture;
  const suffix = randomUUID().slice(0, 8);
  const people = {} as Record<'kim' | 'lee' | 'choi', { id: string; login: string; as: Caller }>;

  async function register(name: string, agency: string, role: 'agency_officer' | 'bureau_head') {
    const login = `${name}.${suffix}`;
    const res = await call<{ id: string }>(api.url, 'POST', '/v1/people', admin, {
      login,
      displayName: { ko: name, en: name },
      email: `${login}@example.go.kr`,
      agency,
      roles: [role],
    });
    expect(res.status).toBe(201);
    const as = { role, agency, token: tokenFor(role, agency, res.body.id) };
    return { id: res.body.id, login, as };
  }

  async function task(): Promise<string> {
    const res = await call<{ id: string }>(api.url, 'POST', '/v1/follow-ups', msitHead, {
      workshopId: w.workshopId,
      sourceId: w.actionId,
      assigneeAgency: 'KISA',
      title: `Comments ${randomUUID().slice(0, 6)}`,
      dueAt: inDays(7),
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const comment = (who: Caller, id: string, body: string, extra: object = {}) =>
    call<Record<string, unknown>>(api.url, 'POST', `/v1/follow-ups/${id}/comments`, who, {
      body,
      ...extra,
    });

  async function upload(
    who: Caller,
    id: string,
    content: Buffer,
    name: string,
    type = 'application/octet-stream',
    baseUrl = api.url,
  ) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), name);
    const res = await fetch(`${baseUrl}/v1/follow-ups/${id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${who.token}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as Upload & Record<string, unknown> };
  }

  async function download(who: Caller, id: string, fileId: string, baseUrl = api.url) {
    const res = await fetch(`${baseUrl}/v1/follow-ups/${id}/files/${fileId}`, {
      headers: { authorization: `Bearer ${who.token}` },
    });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  beforeAll(async () => {
    process.env.FILE_MAX_BYTES = String(LIMIT);
    delete process.env.FILE_STORE;
    api = await startTestApi();
    pool = testPool(2);
    w = await createWorkshop(api.url);
    people.kim = await register('kim', 'KISA', 'agency_officer');
    people.lee = await register('lee', 'MSIT', 'bureau_head');
    people.choi = await register('choi', 'NIS', 'agency_officer');
  });
  afterAll(async () => {
    await api.close();
    await pool.end();
    delete process.env.FILE_MAX_BYTES;
  });

  it('both sides comment; @login mentions a person who can see the task; all in the timeline', async () => {
    const id = await task();
    const asked = await comment(people.kim.as, id, `@${people.lee.login} 어떤 양식을 쓰나요?`);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ id, mentions: [people.lee.id] });

    const answered = await comment(people.lee.as, id, `@${people.kim.login}. 2024년 양식입니다.`);
    expect(answered.body).toMatchObject({ mentions: [people.kim.id] });
    // A token that names nobody is text, not a mention; the comment stands.
    const plain = await comment(msitHead, id, 'cc @nobody-here, see kim@kisa.or.kr');
    expect(plain.status).toBe(201);
    expect(plain.body.mentions).toEqual([]);

    const list = await call<Comments>(
      api.url,
      'GET',
      `/v1/follow-ups/${id}/comments`,
      people.kim.as,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((c) => [c.side, c.mentions, c.author.id])).toEqual([
      ['assignee', [people.lee.id], people.kim.id],
      ['bureau', [people.kim.id], people.lee.id],
      ['bureau', [], 'bureau_head.MSIT'],
    ]);
    expect(list.body.people[people.lee.id]).toEqual({ ko: 'lee', en: 'lee' });
    // Auditors read the thread too.
    expect((await call(api.url, 'GET', `/v1/follow-ups/${id}/comments`, auditor)).status).toBe(200);

    const history = await call<{ items: { type: string; data: { commentId?: string } }[] }>(
      api.url,
      'GET',
      `/v1/follow-ups/${id}/history`,
      msitHead,
    );
    expect(history.body.items.filter((i) => i.type === 'FollowUpCommented')).toHaveLength(3);
  });

  it('a mention of someone who may not see the task is refused (422 naming mentions)', async () => {
    const id = await task();
    const res = await comment(msitHead, id, `@${people.choi.login} FYI`);
    expect(res.status).toBe(422);
    expect(res.body.details).toMatchObject({ field: 'mentions[0]' });
    // the refusal names neither the person nor their id: the writer learns nothing of them
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`choi|${people.choi.id}`));
    const explicit = await comment(msitHead, id, 'FYI', { mentions: [people.choi.id] });
    expect(explicit.status).toBe(422);
    // and one answer for someone unknown: no telling who exists
    const unknown = await comment(msitHead, id, 'FYI', { mentions: [randomUUID()] });
    expect([unknown.status, unknown.body.message]).toEqual([422, res.body.message]);
  });

  it('another agency can neither read nor add comments or files (404); auditors never write (403)', async () => {
    const id = await task();
    const nis = people.choi.as;
    expect((await comment(nis, id, 'hello')).status).toBe(404);
    expect((await call(api.url, 'GET', `/v1/follow-ups/${id}/comments`, nis)).status).toBe(404);
    expect((await upload(nis, id, samplePdf(), 'a.pdf')).status).toBe(404);
    expect((await call(api.url, 'GET', `/v1/follow-ups/${id}/files`, nis)).status).toBe(404);
    const { body } = await upload(people.kim.as, id, samplePdf(`scope ${suffix}`), 'a.pdf');
    expect((await download(nis, id, body.fileId)).status).toBe(404);
    expect((await comment(auditor, id, 'hello')).status).toBe(403);
  });

  it('a closed task takes no more comments or files: 409 naming its state', async () => {
    const id = await task();
    await call(api.url, 'POST', `/v1/follow-ups/${id}/cancel`, msitHead, { reason: 'moot' });
    const res = await comment(people.kim.as, id, 'one more thing');
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('cancelled');
    expect((await upload(people.kim.as, id, samplePdf(), 'a.pdf')).status).toBe(409);
  });

  it('an upload answers {fileId, sha256, size, mediaType}; listed; the download is the same bytes', async () => {
    const id = await task();
    const pdf = samplePdf(`answer ${suffix}`, 2000);
    const res = await upload(people.kim.as, id, pdf, '회신 문서.pdf', 'application/pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      sha256: sha(pdf),
      size: pdf.length,
      mediaType: 'application/pdf',
      fileId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const png = await upload(msitHead, id, samplePng(), 'chart.png', 'image/png');
    expect(png.body.mediaType).toBe('image/png');

    const list = await call<{ items: (Upload & { name: string })[] }>(
      api.url,
      'GET',
      `/v1/follow-ups/${id}/files`,
      msitHead,
    );
    expect(list.body.items.map((f) => [f.name, f.mediaType])).toEqual([
      ['회신 문서.pdf', 'application/pdf'],
      ['chart.png', 'image/png'],
    ]);
    const got = await download(msitHead, id, res.body.fileId);
    expect(got.status).toBe(200);
    expect(got.body.equals(pdf)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    // The attachment is in the log with its hash: the chain and the seals cover the content.
    const history = await call<{ items: { type: string; data: Record<string, unknown> }[] }>(
      api.url,
      'GET',
      `/v1/follow-ups/${id}/history`,
      msitHead,
    );
    const attached = history.body.items.find((i) => i.type === 'FollowUpFileAttached');
    expect(attached?.data).toMatchObject({ fileId: res.body.fileId, sha256: sha(pdf) });
  });

  it(`a file over FILE_MAX_BYTES is refused with 413 naming the limit, and nothing is stored`, async () => {
    const id = await task();
    const big = samplePdf(`big ${suffix}`, LIMIT + 10);
    const res = await upload(people.kim.as, id, big, 'big.pdf', 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.body.message).toContain(String(LIMIT));
    const { rowCount } = await pool.query('SELECT 1 FROM file_blobs WHERE sha256 = $1', [sha(big)]);
    expect(rowCount).toBe(0);
  });

  it('content that is not its claimed type, or not allowed, is refused (415 naming file)', async () => {
    const id = await task();
    const pdf = samplePdf(`liar ${suffix}`);
    const named = await upload(people.kim.as, id, pdf, 'photo.png');
    expect(named.status).toBe(415);
    expect(named.body.message).toMatch(/^file content is PDF but the name/);
    expect(named.body.details).toMatchObject({ field: 'file' });
    const declared = await upload(people.kim.as, id, pdf, 'scan.pdf', 'image/png');
    expect(declared.status).toBe(415);
    const exe = await upload(
      people.kim.as,
      id,
      Buffer.from('4d5a9000030000000400', 'hex'),
      'a.txt',
    );
    expect(exe.status).toBe(415);
    const empty = await upload(people.kim.as, id, Buffer.alloc(0), 'empty.txt');
    expect(empty.status).toBe(422);
    const files = await call<{ items: unknown[] }>(
      api.url,
      'GET',
      `/v1/follow-ups/${id}/files`,
      msitHead,
    );
    expect(files.body.items).toEqual([]);
  });

  it('a file changed in the database: the download is refused (500, logged) and audit verify names it', async () => {
    const id = await task();
    const pdf = samplePdf(`tamper ${suffix}`, 500);
    const { body } = await upload(people.kim.as, id, pdf, 'a.pdf');
    await pool.query(
      `UPDATE file_chunks SET data = overlay(data placing '\\x58'::bytea from 20) WHERE sha256 = $1`,
      [body.sha256],
    );
    const res = await download(msitHead, id, body.fileId);
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body.toString())).toMatchObject({
      message: expect.stringContaining('does not match the SHA-256'),
      details: { code: 'FILE_INTEGRITY' },
    });
    // `audit verify` hashes every attached file against its event and names this one.
    const audit = await verifyAttachedFiles(pool, new PostgresFileStore(pool), {
      actor: 'e2e',
      role: 'auditor',
    });
    expect(audit.problems).toContainEqual(
      expect.objectContaining({ fileId: body.fileId, streamId: `follow-up-${id}` }),
    );
  });

  it('with FILE_STORE=disk:… a file changed on disk: the download is refused', async () => {
    const root = await mkdtemp(join(tmpdir(), 'liaison-files-'));
    process.env.FILE_STORE = `disk:${root}`;
    const disk = await startTestApi();
    try {
      const id = await task();
      const pdf = samplePdf(`disk ${suffix}`, 500);
      const { status, body } = await upload(
        people.kim.as,
        id,
        pdf,
        'a.pdf',
        'application/pdf',
        disk.url,
      );
      expect(status).toBe(201);
      expect((await download(msitHead, id, body.fileId, disk.url)).body.equals(pdf)).toBe(true);
      const path = join(root, body.sha256.slice(0, 2), body.sha256.slice(2, 4), body.sha256);
      await writeFile(path, samplePdf(`changed ${suffix}`, 500));
      expect((await download(msitHead, id, body.fileId, disk.url)).status).toBe(500);
    } finally {
      delete process.env.FILE_STORE;
      await disk.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
