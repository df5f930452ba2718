/** The operators' sign-in CLI on the test database, in process. */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DirectoryCommands, DirectoryWriter, PeopleReader, systemMeta } from '@liaison/directory';
import { EventStore } from '@liaison/event-store';
import { createPgPool, loadConfig } from '@liaison/platform';
import { CredentialStore } from '../passwords/credential-store';
import { verifyPassword } from '../passwords/password-hasher';
import { runIdentityCli } from './identity.cli';

let pool: Pool;
beforeAll(() => {
  process.env.NODE_ENV = 'test';
  pool = createPgPool(loadConfig().databaseUrl, 4, 'identity-cli-spec');
});
afterAll(() => pool.end());

async function person(): Promise<{ id: string; login: string }> {
  const people = new PeopleReader(pool);
  const commands = new DirectoryCommands(new DirectoryWriter(pool, new EventStore(pool)), people);
  const login = `cli.${randomUUID().slice(0, 8)}`;
  const { personId } = await commands.registerPerson(
    {
      login,
      displayName: { ko: '관리자', en: 'First admin' },
      email: `${login}@liaison.invalid`,
      agency: 'MSIT',
      roles: ['admin'],
    },
    systemMeta('spec'),
  );
  return { id: personId, login };
}

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdin: async () => stdin,
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
    },
  };
}

describe('npm run identity', () => {
  it('sets a first password from standard input and records PasswordReset by the operator', async () => {
    const p = await person();
    const run = io('a first admin passphrase\n');
    expect(await runIdentityCli(['set-password', p.login], pool, run.io)).toBe(0);
    expect(JSON.parse(run.out[0])).toEqual({ sessionsEnded: 0 });
    const hash = await new CredentialStore(pool).hashOf(p.id);
    expect(await verifyPassword(hash!, 'a first admin passphrase')).toBe(true);
    const { rows } = await pool.query<{ type: string; metadata: { actor: string } }>(
      `SELECT type, metadata FROM events WHERE stream_id = $1`,
      [`security-person-${p.id}`],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        type: 'PasswordReset',
        metadata: expect.objectContaining({ actor: expect.stringMatching(/^cli:/) }),
      }),
    ]);
  });

  it('refuses a weak password (1) and an unknown person (1), and explains its usage (2)', async () => {
    const p = await person();
    const weak = io('password123456\n');
    expect(await runIdentityCli(['set-password', p.id], pool, weak.io)).toBe(1);
    expect(weak.err[0]).toContain('newPassword is one of the most common passwords');
    expect(await runIdentityCli(['set-password', 'nobody.here'], pool, io('x').io)).toBe(1);
    expect(await runIdentityCli(['reset-everything'], pool, io().io)).toBe(2);
  });

  it('ends every session of a person', async () => {
    const p = await person();
    await pool.query(
      `INSERT INTO sessions (id_hash, person_id, csrf_token, expires_at)
       VALUES (decode(md5(random()::text), 'hex'), $1, 'x', now() + interval '1 hour')`,
      [p.id],
    );
    const run = io();
    expect(await runIdentityCli(['end-sessions', p.login], pool, run.io)).toBe(0);
    expect(JSON.parse(run.out[0])).toEqual({ sessionsEnded: 1 });
  });
});
