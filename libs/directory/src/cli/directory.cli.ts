/**
 * The operators' directory command line: `npm run directory -- <command> …`. Writes through the
 * same commands as the API (DirectoryCommands: the deciders' rules, the event and the tables in
 * one transaction), acting as `system` under the name in DIRECTORY_ACTOR (default
 * `cli:<os user>`). Reads DATABASE_URL through loadConfig(). Results go to stdout as JSON.
 * Exit codes: 0 done, 1 refused by the rules or the check found differences, 2 usage or runtime error.
 */
import { userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import { EventStore } from '@liaison/event-store';
import {
  createPgPool,
  loadConfig,
  ParsedArgs,
  parseArgs,
  runCli,
  UsageError,
} from '@liaison/platform';
import { adoptExistingAgencies } from '../adoption/adopt-agencies';
import { DirectoryCommandMeta } from '../commands/directory-command-meta';
import { DirectoryCommands } from '../commands/directory-commands';
import { DirectoryWriter } from '../commands/directory-writer';
import { DirectoryError } from '../domain/directory.errors';
import { AgencyKind, isPersonRole, PersonRole } from '../domain/decider';
import { UUID } from '../domain/validation';
import { PeopleReader } from '../reading/people-reader';
import { checkDirectory, rebuildDirectory } from '../tables/directory-rebuild';

const USAGE = `usage: npm run directory -- <command>
  register-agency <CODE> --name <name> [--kind agency|counterpart] [--liaison <CODE>]
  update-agency <CODE> [--name <name>] [--active true|false]
  register-person <login> --agency <CODE> --roles <role,role> --name-ko <이름> --name-en <name>
                  --email <address> [--oidc-subject <sub>]
  grant-role <person id or login> <role>
  revoke-role <person id or login> <role>
  deactivate <person id or login> --reason <why>
  erase <person id or login> --reason <why>   destroy their personal data's key (see README)
  adopt       record agencies that are rows without a stream (also done at every API boot)
  check       compare the directory's tables with the log
  rebuild     make the directory's tables what the log says
roles: bureau_head, agency_officer, auditor, admin, records_officer`;

const required = (args: ParsedArgs, name: string): string => {
  const value = args.options.get(name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
};

const positional = (args: ParsedArgs, i: number, what: string): string => {
  const value = args.positionals[i];
  if (value === undefined) throw new UsageError(`${args.command} needs <${what}>`);
  return value;
};

const role = (value: string): PersonRole => {
  if (!isPersonRole(value)) throw new UsageError(`"${value}" is not a role`);
  return value;
};

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args.command || argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return args.command ? 0 : 2;
  }
  const pool = createPgPool(loadConfig().databaseUrl, 2, 'liaison-directory-cli');
  try {
    const store = new EventStore(pool);
    const writer = new DirectoryWriter(pool, store);
    const people = new PeopleReader(pool);
    const commands = new DirectoryCommands(writer, people);
    const meta: DirectoryCommandMeta = {
      actor: { id: process.env.DIRECTORY_ACTOR ?? `cli:${userInfo().username}`, role: 'system' },
      correlationId: `directory-cli:${randomUUID()}`,
    };
    /** A person named by id or by login. */
    const personId = async (ref: string): Promise<string> => {
      const person = UUID.test(ref) ? await people.byId(ref) : await people.byLogin(ref);
      if (!person) throw new UsageError(`no person "${ref}"`);
      return person.id;
    };
    switch (args.command) {
      case 'register-agency': {
        const code = positional(args, 0, 'CODE');
        const kind = (args.options.get('kind') ?? 'agency') as AgencyKind;
        const liaisonAgency = args.options.get('liaison');
        const name = required(args, 'name');
        const input = { code, name, kind, ...(liaisonAgency && { liaisonAgency }) };
        return print(await commands.registerAgency(input, meta));
      }
      case 'update-agency': {
        const code = positional(args, 0, 'CODE');
        const active = args.options.get('active');
        if (active !== undefined && active !== 'true' && active !== 'false') {
          throw new UsageError('--active is true or false');
        }
        const name = args.options.get('name');
        const changes = {
          ...(name !== undefined && { name }),
          ...(active !== undefined && { active: active === 'true' }),
        };
        return print(await commands.updateAgency(code, changes, meta));
      }
      case 'register-person': {
        const oidcSubject = args.options.get('oidc-subject');
        const input = {
          login: positional(args, 0, 'login'),
          agency: required(args, 'agency'),
          roles: required(args, 'roles').split(',').map(role),
          displayName: { ko: required(args, 'name-ko'), en: required(args, 'name-en') },
          email: required(args, 'email'),
          ...(oidcSubject && { oidcSubject }),
        };
        return print(await commands.registerPerson(input, meta));
      }
      case 'grant-role':
      case 'revoke-role': {
        const id = await personId(positional(args, 0, 'person'));
        const granted = role(positional(args, 1, 'role'));
        const run = args.command === 'grant-role' ? commands.grantRole : commands.revokeRole;
        return print({ personId: id, ...(await run.call(commands, id, granted, meta)) });
      }
      case 'deactivate': {
        const id = await personId(positional(args, 0, 'person'));
        const result = await commands.deactivate(id, required(args, 'reason'), meta);
        return print({ personId: id, ...result });
      }
      case 'erase': {
        const id = await personId(positional(args, 0, 'person'));
        const result = await commands.erasePerson(id, required(args, 'reason'), meta);
        return print({ personId: id, ...result });
      }
      case 'adopt':
        return print({ adopted: await adoptExistingAgencies(pool, writer) });
      case 'check': {
        const report = await checkDirectory(pool);
        print(report);
        return report.ok ? 0 : 1;
      }
      case 'rebuild': {
        const report = await rebuildDirectory(pool, store);
        print(report);
        return report.ok ? 0 : 1;
      }
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (err) {
    // The rules' refusal: said plainly, with its code, and exit 1.
    if (err instanceof DirectoryError) {
      process.stderr.write(`directory: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await pool.end();
  }
}

function print(value: unknown): 0 {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
}

runCli('directory', USAGE, main);
