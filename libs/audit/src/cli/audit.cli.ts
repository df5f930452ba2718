/**
 * The audit command line. Reads DATABASE_URL through loadConfig(); seal keys from
 * AUDIT_SEAL_PRIVATE_KEY / AUDIT_SEAL_PUBLIC_KEY. Results go to stdout, progress to stderr.
 * Exit codes: 0 ok, 1 verification failed, 2 usage or runtime error.
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { finished } from 'node:stream/promises';
import { isPersonRole, PeopleReader, periodOf } from '@liaison/directory';
import { Checkpoint, EventStore, START } from '@liaison/event-store';
import { createFileStore, loadFilesConfig } from '@liaison/files';
import {
  createPgPool,
  intOption,
  loadConfig,
  ParsedArgs,
  parseArgs,
  runCli,
  UsageError,
} from '@liaison/platform';
import { Pool } from 'pg';
import { AccessLog, Accessor } from '../access-log/access-log';
import { verifyExportFile } from '../export/export-verifier';
import { fileExportLines, verifyAttachedFiles, verifyFilesExport } from '../export/file-export';
import { decodeCursor, encodeCursor } from '../replay/cursor';
import { AuditService } from '../service/audit.service';
import { Progress } from './progress';

const USAGE = `usage: npm run audit -- <command>
  verify [--workers N]                  recompute every hash chain and every seal, and hash every
                                        attached file in the store (FILE_STORE) against its event
  seal                                  seal the events written since the last seal
  replay [--after N|TX:POS] [--limit N] print events in global order (NDJSON), after position N
  as-of <streamId> <ISO time>           print a stream's events as of that time
  export [--out file]                   NDJSON export (header, then one event per line)
  verify-file <file> [--public-key f]   check an export offline (no database)
  export-files [--out file]             the attached files (NDJSON, base64), beside an export
  verify-files <export> <files-export>  check a files export offline against a log export
  role-holders <role> <AGENCY> <day|ISO time>  who held the role there then (a day: Korean time)`;

/** Options that take no value. */
const FLAGS = new Set(['help', 'json']);

const who: Accessor = {
  actor: process.env.AUDIT_ACTOR ?? `cli:${userInfo().username}`,
  role: process.env.AUDIT_ROLE ?? 'auditor',
};

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (!args.command || args.options.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return args.command ? 0 : 2;
  }
  if (args.command === 'verify-file') return verifyFile(args);
  if (args.command === 'verify-files') return verifyFiles(args);
  const pool = createPgPool(loadConfig().databaseUrl, 4, 'liaison-audit-cli');
  try {
    const audit = new AuditService(pool, new EventStore(pool));
    switch (args.command) {
      case 'verify':
        return await verify(audit, args, pool);
      case 'export-files':
        return await exportFiles(pool, args);
      case 'seal':
        return await seal(audit);
      case 'replay':
        return await replay(audit, pool, args);
      case 'as-of':
        return await asOf(audit, args);
      case 'export':
        return await exportLog(audit, args);
      case 'role-holders':
        return await roleHolders(pool, args, new AccessLog(pool));
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } finally {
    await pool.end();
  }
}

async function verify(audit: AuditService, args: ParsedArgs, pool: Pool): Promise<number> {
  const progress = new Progress('verified');
  const report = await audit.verify(who, {
    workers: intOption(args, 'workers', 2, 0),
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.done(report.checked, report.checked);
  // The log covers each file by its hash; the bytes are in the store and checked here.
  const files = await verifyAttachedFiles(pool, fileStore(pool), who);
  const ok = report.ok && files.problems.length === 0;
  print({ ...report, ok, files });
  return ok ? 0 : 1;
}

function fileStore(pool: Pool) {
  return createFileStore(loadFilesConfig(), pool);
}

async function exportFiles(pool: Pool, args: ParsedArgs): Promise<number> {
  const path = args.options.get('out');
  const out = path ? createWriteStream(path) : process.stdout;
  for await (const piece of fileExportLines(pool, fileStore(pool), who)) {
    if (!out.write(piece)) await once(out, 'drain');
  }
  if (path) {
    out.end();
    await finished(out);
    process.stderr.write(`files written to ${path}\n`);
  }
  return 0;
}

async function verifyFiles(args: ParsedArgs): Promise<number> {
  const [logExport, filesExport] = args.positionals;
  if (!logExport || !filesExport)
    throw new UsageError('verify-files needs <export> <files-export>');
  const report = await verifyFilesExport(logExport, filesExport);
  print(report);
  return report.ok ? 0 : 1;
}

async function seal(audit: AuditService): Promise<number> {
  if (audit.keys.development) {
    process.stderr.write(
      'WARNING: sealing with the DEVELOPMENT key (AUDIT_SEAL_PRIVATE_KEY unset)\n',
    );
  }
  const progress = new Progress('sealed');
  const seals = await audit.seal(who, { onProgress: (n) => progress.update(n) });
  print({ sealed: seals.length, seals });
  return 0;
}

async function replay(audit: AuditService, pool: Pool, args: ParsedArgs): Promise<number> {
  let after = await resolveAfter(pool, args.options.get('after'));
  let left = intOption(args, 'limit', Number.MAX_SAFE_INTEGER, 1);
  while (left > 0) {
    const page = await audit.events(who, after, Math.min(left, 1000));
    for (const e of page.events) process.stdout.write(`${JSON.stringify(e)}\n`);
    if (page.events.length === 0) break;
    left -= page.events.length;
    after = page.checkpoint;
  }
  process.stderr.write(`next cursor: ${encodeCursor(after)}\n`);
  return 0;
}

/** --after takes a position (continue after that event) or a "transactionId:position" cursor. */
async function resolveAfter(pool: Pool, raw: string | undefined): Promise<Checkpoint> {
  if (raw === undefined || raw === '0') return START;
  if (raw.includes(':')) return decodeCursor(raw);
  if (!/^\d+$/.test(raw)) throw new UsageError('--after takes a position or TX:POS');
  const { rows } = await pool.query<{ tx: string }>(
    'SELECT transaction_id::text AS tx FROM events WHERE position = $1',
    [raw],
  );
  if (!rows[0]) throw new UsageError(`no event at position ${raw}`);
  return { transactionId: rows[0].tx, position: Number(raw) };
}

async function asOf(audit: AuditService, args: ParsedArgs): Promise<number> {
  const [streamId, time] = args.positionals;
  if (!streamId || !time) throw new UsageError('as-of needs <streamId> <ISO time>');
  const at = new Date(time);
  if (Number.isNaN(at.getTime())) throw new UsageError(`"${time}" is not an ISO time`);
  const events = await audit.stream(who, streamId, { asOf: at });
  print({
    streamId,
    asOf: at.toISOString(),
    version: events[events.length - 1]?.version ?? 0,
    events,
  });
  return 0;
}

async function exportLog(audit: AuditService, args: ParsedArgs): Promise<number> {
  const path = args.options.get('out');
  const out = path ? createWriteStream(path) : process.stdout;
  const progress = new Progress('exported');
  await audit.exportTo(who, out, { onProgress: (n, total) => progress.update(n, total) });
  if (path) {
    out.end();
    await finished(out);
    process.stderr.write(`export written to ${path}\n`);
  }
  return 0;
}

/** The directory's as-of question, answered from the role periods the log fills. */
async function roleHolders(pool: Pool, args: ParsedArgs, log: AccessLog): Promise<number> {
  const [role, agency, on] = args.positionals;
  if (!role || !agency || !on) throw new UsageError('role-holders needs <role> <AGENCY> <day>');
  if (!isPersonRole(role)) throw new UsageError(`"${role}" is not a role`);
  if (!periodOf(on)) throw new UsageError(`"${on}" is not a day (YYYY-MM-DD) or an ISO time`);
  await log.record(who, 'as_of', 'directory:role-holders', { role, agency, on });
  print({ role, agency, on, holders: await new PeopleReader(pool).roleHolders(role, agency, on) });
  return 0;
}

async function verifyFile(args: ParsedArgs): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new UsageError('verify-file needs <file>');
  const keyPath = args.options.get('public-key');
  const progress = new Progress('checked');
  const report = await verifyExportFile(file, {
    ...(keyPath ? { publicKeyPem: readFileSync(keyPath, 'utf8') } : {}),
    onProgress: (n) => progress.update(n),
  });
  progress.done(report.events);
  print(report);
  return report.ok ? 0 : 1;
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

runCli('audit', USAGE, main);
