import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ClientConfig, Pool } from 'pg';
import { ChainScanResult, StreamRange } from './chain-scan';
import { ChainWorkerInput, ChainWorkerMessage, ChainWorkerRequest } from './chain-worker';

/** The serialisable part of a pool's settings: what a worker needs to open its own connection. */
export function connectionOf(pool: Pool): ClientConfig {
  const o = pool.options;
  const config: ClientConfig = {};
  if (o.connectionString) config.connectionString = o.connectionString;
  if (o.host) config.host = o.host;
  if (o.port) config.port = o.port;
  if (o.user) config.user = o.user;
  if (typeof o.password === 'string') config.password = o.password;
  if (o.database) config.database = o.database;
  if (typeof o.ssl === 'boolean') config.ssl = o.ssl;
  return config;
}

/**
 * One worker thread over one range of streams. It starts at once (thread and connection: a few
 * hundred milliseconds when it must compile TypeScript) and is given its range later, so that
 * start-up overlaps the main thread's counting and splitting. From TypeScript
 * sources (tests, the CLI under swc-node) the worker needs the same on-the-fly compiler; from the
 * build it loads plain JavaScript.
 */
export class ChainWorker {
  private readonly worker: Worker;
  private readonly result: Promise<ChainScanResult>;
  /** Resolves when the thread has ended (its connection closed). */
  readonly exited: Promise<void>;
  private onProgress: (checked: number) => void = () => {};

  constructor(input: ChainWorkerInput) {
    const ext = extname(__filename);
    const needsCompiler = ext === '.ts' && !process.execArgv.includes('@swc-node/register');
    this.worker = new Worker(join(__dirname, `chain-worker${ext}`), {
      workerData: input,
      ...(needsCompiler ? { execArgv: [...process.execArgv, '-r', '@swc-node/register'] } : {}),
    });
    this.result = new Promise<ChainScanResult>((resolve, reject) => {
      let settled = false;
      this.worker.on('message', (m: ChainWorkerMessage) => {
        if (m.kind === 'progress') this.onProgress(m.checked);
        else if (m.kind === 'done') {
          settled = true;
          resolve(m.result);
        } else {
          settled = true;
          reject(new Error(`chain verification worker failed: ${m.message}`));
        }
      });
      this.worker.on('error', (err) => {
        settled = true;
        reject(err);
      });
      this.worker.on('exit', (code) => {
        if (!settled) reject(new Error(`chain verification worker exited with code ${code}`));
      });
    });
    this.result.catch(() => {}); // reported by scan(); a dismissed worker's failure is moot
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  /** Checks `range`; resolves with what the worker found. */
  scan(range: StreamRange, onProgress: (checked: number) => void): Promise<ChainScanResult> {
    this.onProgress = onProgress;
    this.worker.postMessage({ range } satisfies ChainWorkerRequest);
    return this.result;
  }

  /** Not needed (fewer ranges than workers): it ends without joining the snapshot. */
  dismiss(): void {
    this.worker.postMessage({ range: null } satisfies ChainWorkerRequest);
  }

  /** Ends the thread now, mid-scan if need be (the verification failed elsewhere). */
  stop(): void {
    void this.worker.terminate();
  }
}

export type { StreamRange };
