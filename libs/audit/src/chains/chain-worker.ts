/**
 * Worker-thread entry: connects while the main thread counts and splits the log, waits for its
 * range of streams, joins the snapshot the main thread exported, checks the chains and posts
 * progress and the result back. (It joins the snapshot only once given a range: a worker not
 * needed may be let go after the exporting transaction ended, and the snapshot with it.) Several run side by side so
 * chain verification uses every core instead of blocking one event loop.
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { Client, ClientConfig } from 'pg';
import { beginSnapshot } from '../reading/read-snapshot';
import { scanChains, StreamRange } from './chain-scan';

export interface ChainWorkerInput {
  connection: ClientConfig;
  snapshotId: string;
  pageSize: number;
}

/** What the main thread sends once: the range to check, or null for "not needed". */
export type ChainWorkerRequest = { range: StreamRange | null };

export type ChainWorkerMessage =
  | { kind: 'progress'; checked: number }
  | { kind: 'done'; result: Awaited<ReturnType<typeof scanChains>> }
  | { kind: 'failed'; message: string };

async function run(input: ChainWorkerInput): Promise<void> {
  const post = (m: ChainWorkerMessage) => parentPort?.postMessage(m);
  const request = once(parentPort!, 'message') as Promise<[ChainWorkerRequest]>;
  const client = new Client({ ...input.connection, application_name: 'liaison-audit-verify' });
  // A lost connection fails the scan's next query, which reports 'failed'; unhandled, the
  // client's 'error' event would end the thread without a word.
  client.on('error', () => {});
  await client.connect();
  try {
    const [{ range }] = await request;
    if (range === null) return;
    await beginSnapshot(client, input.snapshotId);
    const result = await scanChains(client, range, input.pageSize, (checked) =>
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
