import { execFile } from 'node:child_process';
import { join } from 'node:path';
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

/** The operators' CLI writes through the directory's commands, as `system` under a name. */
describe('directory CLI', () => {
  let db: ThrowawayDatabase;

  const cli = (...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'libs/directory/src/cli/directory.cli.ts', ...args],
        {
          env: {
            ...process.env,
            NODE_ENV: 'test',
            DATABASE_URL: db.url,
            TEST_DATABASE_URL: db.url, // under NODE_ENV=test loadConfig reads this one
            DIRECTORY_ACTOR: 'cli-test',
          },
          cwd: join(__dirname, '../../../..'),
        },
        (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_directory_cli');
  });
  afterAll(() => db.drop());

  it('adopts, registers an agency and a person, grants, revokes, deactivates; checks', async () => {
    expect(JSON.parse((await cli('adopt')).stdout).adopted).toHaveLength(10);
    const agency = await cli('register-agency', 'KCC', '--name', 'Korea Communications Commission');
    expect(agency.code).toBe(0);

    const registered = await cli(
      'register-person',
      'KCC.Head',
      '--agency=KCC',
      '--roles',
      'agency_officer',
      '--name-ko',
      '박지훈',
      '--name-en',
      'Park Jihoon',
      '--email',
      'jihoon@kcc.example',
    );
    expect(registered.code).toBe(0);
    const { personId } = JSON.parse(registered.stdout);

    expect((await cli('grant-role', 'kcc.head', 'bureau_head')).code).toBe(0);
    const again = await cli('grant-role', personId, 'bureau_head');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('INVALID_STATE');
    expect((await cli('revoke-role', 'kcc.head', 'agency_officer')).code).toBe(0);
    expect((await cli('deactivate', 'kcc.head', '--reason', 'retired')).code).toBe(0);

    const { rows } = await db.pool.query(
      `SELECT p.roles, p.active, e.metadata->>'actor' AS actor, e.metadata->>'role' AS role
       FROM people p JOIN events e ON e.stream_id = 'person-' || p.id WHERE p.login = 'kcc.head'
       ORDER BY e.version DESC LIMIT 1`,
    );
    expect(rows[0]).toEqual({
      roles: ['bureau_head'],
      active: false,
      actor: 'cli-test',
      role: 'system',
    });

    const check = await cli('check');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true });
    expect((await cli('grant-role', 'nobody', 'admin')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
