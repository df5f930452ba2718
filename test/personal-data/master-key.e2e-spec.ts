/**
 * The master key: a rotation (`npm run personal-data -- rotate-master`, run as the operator
 * would, on a database of its own) rewraps every data key and everything stays readable; the
 * API refuses to start with a wrong key or without the key a data key was wrapped with, and the
 * message names the variable to set.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import {
  DirectoryCommands,
  DirectoryWriter,
  PeopleReader,
  rebuildDirectory,
  systemMeta,
} from '@liaison/directory';
import { EventStore } from '@liaison/event-store';
import {
  checkMasterKeys,
  DataKeys,
  loadMasterKeyring,
  masterKeyring,
} from '@liaison/personal-data';
import { createApiApp } from '../../apps/api/src/app.factory';
import { TEST_JWT_SECRET } from '../support/api';
import { testPool } from '../support/database';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/throwaway-database';

const run = promisify(execFile);
const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');
const KEY_VARS = [
  'PERSONAL_DATA_MASTER_KEY',
  'PERSONAL_DATA_MASTER_KEY_ID',
  'PERSONAL_DATA_MASTER_KEY_K1',
];

function setKeys(vars: Record<string, string>): void {
  for (const v of KEY_VARS) delete process.env[v];
  Object.assign(process.env, vars);
}

describe('master key rotation (e2e, own database)', () => {
  let db: ThrowawayDatabase;
  beforeAll(async () => {
    process.env.NODE_ENV = 'test';
    db = await createThrowawayDatabase('personal_data', 3);
  });
  afterAll(async () => {
    setKeys({});
    await db.drop();
  });

  it('rewraps every data key from k1 to k2; names and e-mail stay readable, rebuilt or not', async () => {
    setKeys({ PERSONAL_DATA_MASTER_KEY_ID: 'k1', PERSONAL_DATA_MASTER_KEY: K1 });
    const commands = new DirectoryCommands(
      new DirectoryWriter(db.pool, new EventStore(db.pool)),
      new PeopleReader(db.pool),
    );
    const login = `rotated.${randomUUID().slice(0, 8)}`;
    const { personId } = await commands.registerPerson(
      {
        login,
        displayName: { ko: '회전시험', en: 'Rotation Test' },
        email: `${login}@kisa.example`,
        agency: 'KISA',
        roles: ['agency_officer'],
      },
      systemMeta('spec'),
    );

    const cli = await run(
      'node',
      [
        '-r',
        '@swc-node/register',
        'libs/personal-data/src/cli/personal-data.cli.ts',
        'rotate-master',
        '--from',
        'k1',
        '--to',
        'k2',
      ],
      {
        cwd: `${__dirname}/../..`,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          TEST_DATABASE_URL: db.url,
          PERSONAL_DATA_MASTER_KEY_ID: 'k2',
          PERSONAL_DATA_MASTER_KEY: K2,
          PERSONAL_DATA_MASTER_KEY_K1: K1,
        },
      },
    );
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, from: 'k1', to: 'k2', rewrapped: 1 });

    // Only the new key from now on: the old one may be destroyed.
    setKeys({ PERSONAL_DATA_MASTER_KEY_ID: 'k2', PERSONAL_DATA_MASTER_KEY: K2 });
    await checkMasterKeys(db.pool, masterKeyring());
    const { rows } = await db.pool.query('SELECT master_key_id FROM personal_data_keys');
    expect(rows).toEqual([{ master_key_id: 'k2' }]);
    await rebuildDirectory(db.pool, new EventStore(db.pool));
    const person = await new PeopleReader(db.pool).byId(personId);
    expect(person).toMatchObject({
      displayName: { ko: '회전시험', en: 'Rotation Test' },
      email: `${login}@kisa.example`,
    });
    // A later change of name is sealed under the same data key, now wrapped by k2.
    await commands.updatePerson(
      personId,
      { displayName: { ko: '회전후', en: 'After' } },
      {
        actor: { id: 'admin-1', role: 'admin' },
        correlationId: 'spec',
      },
    );
    expect(await new PeopleReader(db.pool).byId(personId)).toMatchObject({
      displayName: { ko: '회전후', en: 'After' },
    });

    // The old key alone opens nothing any more, and says which variable to set.
    const oldOnly = loadMasterKeyring({ NODE_ENV: 'test', PERSONAL_DATA_MASTER_KEY: K1 });
    await expect(checkMasterKeys(db.pool, oldOnly)).rejects.toThrow(
      /wrapped under master key id 'k2'.*set PERSONAL_DATA_MASTER_KEY_K2/,
    );
  }, 60_000);
});

describe('boot with a wrong master key (e2e)', () => {
  afterEach(() => setKeys({}));

  it('the API refuses to start and names PERSONAL_DATA_MASTER_KEY', async () => {
    // At least one data key under the development key in the shared test database.
    const pool = testPool(1);
    try {
      const tx = await pool.connect();
      try {
        await new DataKeys(tx, loadMasterKeyring({ NODE_ENV: 'test' })).getOrCreate(
          `spec-${randomUUID()}`,
        );
      } finally {
        tx.release();
      }
    } finally {
      await pool.end();
    }
    setKeys({ PERSONAL_DATA_MASTER_KEY_ID: 'dev', PERSONAL_DATA_MASTER_KEY: K1 });
    process.env.JWT_SECRET = TEST_JWT_SECRET;
    const app = await createApiApp();
    try {
      await expect(app.init()).rejects.toThrow(
        /PERSONAL_DATA_MASTER_KEY does not open the data keys wrapped under master key id 'dev'/,
      );
    } finally {
      await app.close().catch(() => undefined);
    }
  }, 30_000);
});
