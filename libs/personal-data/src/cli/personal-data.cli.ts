/**
 * The operators' personal-data command line: `npm run personal-data -- <command>`.
 * Reads DATABASE_URL through loadConfig() and the master keys from the environment
 * (master-keys.ts). Results go to stdout as JSON. Exit codes: 0 done, 2 usage or runtime error.
 */
import { createPgPool, inTransaction, loadConfig } from '@liaison/platform';
import { checkMasterKeys, rotateMasterKey } from '../keys/master-key-check';
import { loadMasterKeyring } from '../keys/master-keys';

const USAGE = `usage: npm run personal-data -- <command>
  rotate-master --from <id> --to <id>   rewrap every data key under master key <from> with <to>;
                                        both keys must be in the environment, e.g.
                                        PERSONAL_DATA_MASTER_KEY_ID=k2 PERSONAL_DATA_MASTER_KEY=<new>
                                        PERSONAL_DATA_MASTER_KEY_K1=<old>
  check                                 open one data key per master key id (what boot checks)`;

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command] = argv;
  if (command !== 'rotate-master' && command !== 'check') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const ring = loadMasterKeyring();
  const pool = createPgPool(loadConfig().databaseUrl, 2, 'personal-data-cli');
  try {
    if (command === 'check') {
      await checkMasterKeys(pool, ring);
      process.stdout.write(`${JSON.stringify({ ok: true, currentId: ring.currentId })}\n`);
      return 0;
    }
    const from = option(argv, 'from')?.toLowerCase();
    const to = option(argv, 'to')?.toLowerCase();
    if (!from || !to || from === to) {
      process.stderr.write(`--from and --to name two different master key ids\n${USAGE}\n`);
      return 2;
    }
    const result = await inTransaction(pool, (tx) => rotateMasterKey(tx, ring, from, to));
    process.stdout.write(`${JSON.stringify({ ok: true, from, to, ...result })}\n`);
    return 0;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  },
);
