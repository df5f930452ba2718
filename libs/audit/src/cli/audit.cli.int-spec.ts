import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore } from '@liaison/event-store';
import { seedStreams, waitUntilAllReadable } from '../testing/seed';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';

jest.setTimeout(120_000);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('audit CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-cli-'));
  let db: ThrowawayDatabase;
  let streams: string[];

  const cli = (...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'libs/audit/src/cli/audit.cli.ts', ...args],
        {
          env: {
            ...process.env,
            NODE_ENV: 'test',
            DATABASE_URL: db.url,
            TEST_DATABASE_URL: db.url, // under NODE_ENV=test loadConfig reads this one
            AUDIT_ACTOR: 'cli-test',
          },
          cwd: join(__dirname, '../../../..'),
        },
        (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_audit');
    streams = await seedStreams(new EventStore(db.pool), 3, 3);
    await waitUntilAllReadable(db.pool);
  });
  afterAll(() => db.drop());

  it('seals, verifies, exports and checks the export offline', async () => {
    const seal = await cli('seal');
    expect(seal.code).toBe(0);
    expect(JSON.parse(seal.stdout)).toMatchObject({
      sealed: 1,
      seals: [{ sealId: 1, eventCount: 9 }],
    });

    const verify = await cli('verify', '--workers', '1');
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, checked: 9 });
    expect(verify.stderr).toMatch(/verified 9 \/ 9 events/);

    const file = join(dir, 'log.ndjson');
    expect((await cli('export', '--out', file)).code).toBe(0);
    const checked = await cli('verify-file', file);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true, events: 9, seals: 1 });

    const tampered = join(dir, 'tampered.ndjson');
    writeFileSync(
      tampered,
      readFileSync(file, 'utf8').replace('step 1 of stream 2', 'step 1 of stream 3'),
    );
    const failed = await cli('verify-file', tampered);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).firstBroken).toMatchObject({
      problem: 'hash mismatch: data or metadata changed',
    });
  });

  it('replays in global order after a position and shows a stream as of a time', async () => {
    const replay = await cli('replay', '--after', '3', '--limit', '2');
    expect(replay.code).toBe(0);
    expect(
      replay.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).position),
    ).toEqual([4, 5]);
    const asOf = await cli('as-of', streams[0], new Date().toISOString());
    expect(JSON.parse(asOf.stdout)).toMatchObject({ streamId: streams[0], version: 3 });
  });

  it('exits 1 when verification fails, 2 on a usage error', async () => {
    await db.pool.query(`UPDATE events SET data = data || '{"percent": 1}' WHERE position = 2`);
    const verify = await cli('verify');
    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.stdout).firstBroken).toMatchObject({ position: 2, check: 'chain' });
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
