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

/**
 * The operators' CLI writes through the directory's commands, as `system` under a name; the audit
 * CLI's role-holders answers the as-of question from what it wrote.
 */
describe('directory CLI', () => {
  let db: ThrowawayDatabase;

  const cli = (...args: string[]) => run('libs/directory/src/cli/directory.cli.ts', args);
  const audit = (...args: string[]) => run('libs/audit/src/cli/audit.cli.ts', args);
  const run = (script: string, args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', script, ...args],
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
    const between = new Date().toISOString();
    expect((await cli('revoke-role', 'kcc.head', 'bureau_head')).code).toBe(0);
    const after = new Date().toISOString();
    expect((await cli('deactivate', 'kcc.head', '--reason', 'retired')).code).toBe(0);

    // The auditor's side of it: the audit CLI's role-holders, granted then revoked.
    const holders = async (on: string) => {
      const run = await audit('role-holders', 'bureau_head', 'KCC', on);
      expect(run.code).toBe(0);
      return (JSON.parse(run.stdout).holders as { personId: string }[]).map((h) => h.personId);
    };
    expect(await holders(between)).toEqual([personId]);
    expect(await holders(after)).toEqual([]);

    const { rows } = await db.pool.query(
      `SELECT p.roles, p.active, e.metadata->>'actor' AS actor, e.metadata->>'role' AS role
       FROM people p JOIN events e ON e.stream_id = 'person-' || p.id WHERE p.login = 'kcc.head'
       ORDER BY e.version DESC LIMIT 1`,
    );
    expect(rows[0]).toEqual({
      roles: ['agency_officer'],
      active: false,
      actor: 'cli-test',
      role: 'system',
    });

    const check = await cli('check');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true });
    expect((await cli('grant-role', 'nobody', 'admin')).code).toBe(2);
  });
});
