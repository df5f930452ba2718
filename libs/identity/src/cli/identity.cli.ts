/**
 * The operators' sign-in command line: `npm run identity -- <command> …`. How the first admin of
 * a production deployment gets a password (the API's reset route needs an admin already), and
 * how a lost laptop's sessions end without one. The password is read from standard input (one
 * line), never from the arguments, so it stays out of shell history and the process list.
 * Acts as `cli:<os user>` (or IDENTITY_ACTOR). Exit codes: 0 done, 1 refused, 2 usage or error.
 */
import { userInfo } from 'node:os';
import { Pool } from 'pg';
import { PeopleReader } from '@liaison/directory';
import { EventStore } from '@liaison/event-store';
import { AuthenticatedUser, createPgPool, loadConfig } from '@liaison/platform';
import { loadIdentityConfig } from '../config/identity-config';
import { CredentialStore } from '../passwords/credential-store';
import { PasswordService } from '../passwords/password.service';
import { SecurityEvents } from '../security-events/security-events';
import { SessionService } from '../sessions/session.service';
import { SignInThrottle } from '../throttle/sign-in-throttle';

const USAGE = `usage: npm run identity -- <command>
  set-password <login or person id>   the new password on standard input (one line)
  end-sessions <login or person id>   end every session of the person at once`;

export interface CliIo {
  stdin: () => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function runIdentityCli(argv: string[], pool: Pool, io: CliIo): Promise<number> {
  const [command, who] = argv;
  if (!command || !who || !['set-password', 'end-sessions'].includes(command)) {
    io.err(USAGE);
    return 2;
  }
  const config = loadIdentityConfig();
  const people = new PeopleReader(pool);
  const events = new SecurityEvents(new EventStore(pool));
  const sessions = new SessionService(pool, config, people, events);
  const person = UUID.test(who) ? await people.byId(who) : await people.byLogin(who);
  if (!person) {
    io.err(`No person ${who}`);
    return 1;
  }
  const actor: AuthenticatedUser = {
    id: process.env.IDENTITY_ACTOR || `cli:${userInfo().username}`,
    role: 'admin',
  };
  const cli = { headers: {}, method: 'CLI', url: command };
  if (command === 'end-sessions') {
    io.out(JSON.stringify(await sessions.endAllByAdmin(person.id, actor, cli)));
    return 0;
  }
  const password = (await io.stdin()).replace(/\r?\n$/, '');
  // The reset path never consults the sign-in throttle: no Redis needed here.
  const noThrottle = {} as SignInThrottle;
  const passwords = new PasswordService(
    config,
    people,
    new CredentialStore(pool),
    sessions,
    events,
    noThrottle,
  );
  try {
    io.out(JSON.stringify(await passwords.reset(actor, person.id, password, cli)));
    return 0;
  } catch (err) {
    const answer = (err as { getResponse?: () => unknown }).getResponse?.();
    io.err(answer ? JSON.stringify(answer) : String(err));
    return 1;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

if (require.main === module) {
  const pool = createPgPool(loadConfig().databaseUrl, 2, 'liaison-identity-cli');
  runIdentityCli(process.argv.slice(2), pool, {
    stdin: readStdin,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      return 2;
    })
    .then(async (code) => {
      await pool.end();
      process.exit(code);
    });
}
