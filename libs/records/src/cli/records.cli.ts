import { userInfo } from 'node:os';
import { AuditService } from '@liaison/audit';
import { EventStore } from '@liaison/event-store';
import { createFileStore, loadFilesConfig } from '@liaison/files';
import { createPgPool, loadConfig, runCli, UsageError } from '@liaison/platform';
import { RecordClocks } from '../clocks/record-clocks';
import { parseRecordId } from '../domain';
import { writeTransferPackage } from '../transfer/transfer-writer';
import { verifyTransferPackage } from '../transfer/transfer-verifier';
import { RecordWriter } from '../writing/record-writer';

const USAGE = `usage: npm run records -- <command>
  transfer --record <id> --out <dir>   write the record's transfer package (이관): events, files,
                                       the sealed log, seals' public keys, a SHA-256 manifest
  verify-transfer <dir>                check a transfer package offline (no database)
  clocks                               bring the records' clocks up to the log
record ids: workshop-<uuid>, follow-up-<uuid>`;

const who = {
  actor: process.env.AUDIT_ACTOR ?? `cli:${userInfo().username}`,
  role: 'records_officer',
};

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === 'verify-transfer') {
    const [dir] = rest;
    if (!dir) throw new UsageError('verify-transfer needs <dir>');
    const report = await verifyTransferPackage(dir);
    print(report);
    return report.ok ? 0 : 1;
  }
  const pool = createPgPool(loadConfig().databaseUrl, 4, 'liaison-records-cli');
  try {
    const store = new EventStore(pool);
    switch (command) {
      case 'transfer': {
        const record = option(rest, 'record');
        const out = option(rest, 'out');
        if (!record || !parseRecordId(record)) {
          throw new UsageError('transfer needs --record workshop-<uuid>|follow-up-<uuid>');
        }
        if (!out) throw new UsageError('transfer needs --out <dir>');
        const manifest = await writeTransferPackage(
          new AuditService(pool, store),
          createFileStore(loadFilesConfig(), pool),
          who,
          record,
          out,
        );
        print({ out, ...manifest });
        return 0;
      }
      case 'clocks':
        print({
          closed: await new RecordClocks(pool, store, new RecordWriter(pool, store)).catchUp(),
        });
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await pool.end();
  }
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

runCli('records', USAGE, main);
