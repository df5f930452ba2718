/**
 * Worker-thread entry: checks the chains of one range of streams on its own connection, inside
 * the snapshot the main thread exported, and posts progress and the result back. Several run
 * side by side so chain verification uses every core instead of blocking one event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Client, ClientConfig } from 'pg';
import { beginSnapshot } from '../reading/read-snapshot';
import { scanChains, StreamRange } from './chain-scan';

export interface ChainWorkerInput {
  connection: ClientConfig;
  snapshotId: string;
  range: StreamRange;
  pageSize: number;
}

export type ChainWorkerMessage =
  | { kind: 'progress'; checked: number }
  | { kind: 'done'; result: Awaited<ReturnType<typeof scanChains>> }
  | { kind: 'failed'; message: string };

async function run(input: ChainWorkerInput): Promise<void> {
  const post = (m: ChainWorkerMessage) => parentPort?.postMessage(m);
  const client = new Client({ ...input.connection, application_name: 'liaison-audit-verify' });
  await client.connect();
  try {
    await beginSnapshot(client, input.snapshotId);
    const result = await scanChains(client, input.range, input.pageSize, (checked) =>
      post({ kind: 'progress', checked }),
    );
    await client.query('COMMIT');
    post({ kind: 'done', result });
  } finally {
    await client.end();
  }
}

if (parentPort) {
  run(workerData as ChainWorkerInput).catch((err: unknown) =>
    parentPort?.postMessage({
      kind: 'failed',
      message: err instanceof Error ? err.message : String(err),
    } satisfies ChainWorkerMessage),
  );
}
