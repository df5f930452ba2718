import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ClientConfig, Pool } from 'pg';
import { ChainScanResult, StreamRange } from './chain-scan';
import { ChainWorkerInput, ChainWorkerMessage } from './chain-worker';

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
 * Runs one worker thread over a range. From TypeScript sources (tests, the CLI under swc-node)
 * the worker needs the same on-the-fly compiler; from the build it loads plain JavaScript.
 */
export function runChainWorker(
  input: ChainWorkerInput,
  onProgress: (checked: number) => void,
): Promise<ChainScanResult> {
  const ext = extname(__filename);
  const needsCompiler = ext === '.ts' && !process.execArgv.includes('@swc-node/register');
  const worker = new Worker(join(__dirname, `chain-worker${ext}`), {
    workerData: input,
    ...(needsCompiler ? { execArgv: [...process.execArgv, '-r', '@swc-node/register'] } : {}),
  });
  return new Promise<ChainScanResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: ChainWorkerMessage) => {
      if (m.kind === 'progress') onProgress(m.checked);
      else if (m.kind === 'done') {
        settled = true;
        resolve(m.result);
      } else {
        settled = true;
        reject(new Error(`chain verification worker failed: ${m.message}`));
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`chain verification worker exited with code ${code}`));
    });
  });
}

export type { StreamRange };
