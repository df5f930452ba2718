import { createPgPool, loadConfig } from '@liaison/platform';
import { loadFilesConfig } from '../files.config';
import { DiskFileStore } from '../stores/disk-file-store';
import { namedFileHashes } from '../stores/named-files';
import { PostgresFileStore } from '../stores/postgres-file-store';

const USAGE = `usage: npm run files -- <command>
  sweep-orphans [--older-than-hours N]   delete file contents no event names, stored more than
                                         N hours ago (default FILE_ORPHAN_AFTER_HOURS, 24)`;

/** On demand or from cron: uploads whose append failed leave bytes no event names. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'sweep-orphans') {
    process.stdout.write(`${USAGE}\n`);
    return command === '--help' ? 0 : 2;
  }
  const config = loadFilesConfig();
  const i = rest.indexOf('--older-than-hours');
  const hours = i >= 0 ? Number(rest[i + 1]) : config.orphanAfterHours;
  if (!Number.isInteger(hours) || hours < 1) {
    process.stderr.write('--older-than-hours must be a whole number of hours, 1 or more\n');
    return 2;
  }
  const pool = createPgPool(loadConfig().databaseUrl, 2, 'liaison-files-cli');
  try {
    const { store } = config;
    const removed =
      store.kind === 'disk'
        ? await new DiskFileStore(store.root).sweepOrphans(hours, await namedFileHashes(pool))
        : await new PostgresFileStore(pool).sweepOrphans(hours);
    process.stdout.write(`${JSON.stringify({ olderThanHours: hours, removed }, null, 2)}\n`);
    return 0;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
