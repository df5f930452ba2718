import { Client, PoolClient } from 'pg';
import { copyBinaryTuples } from '../reading/copy-binary';
import { DisposedHit, trustedDisposals } from '../disposal/disposed-events';
import { FIELD_COUNT } from './binary-event-hasher';
import { BrokenEvent } from './broken-event';
import { ChainChecker } from './chain-checker';
import { CHAIN_COLUMNS } from './chain-rows';

/** A slice of the stream-id space: from `from` (inclusive) to `to` (exclusive); open ends. */
export interface StreamRange {
  from: string | null;
  to: string | null;
}

/** What one scan found: plain data, so a worker thread can post it back. */
export interface ChainScanResult {
  checked: number;
  streams: number;
  broken: number;
  firstBroken?: BrokenEvent;
  /** Disposed events met, whose stored hashes were trusted. */
  disposed: DisposedHit[];
}

/**
 * Checks the chains of every stream in a range inside the caller's snapshot, reading the rows
 * as one binary COPY in stream order: no per-row strings or objects, and the bytes Postgres
 * sends are the bytes hashed. Progress is reported every `progressEvery` events.
 */
export async function scanChains(
  client: PoolClient | Client,
  range: StreamRange,
  progressEvery: number,
  onProgress: (checked: number) => void,
): Promise<ChainScanResult> {
  const checker = new ChainChecker(await trustedDisposals(client));
  const bounds = [
    range.from === null ? null : `stream_id >= ${client.escapeLiteral(range.from)}`,
    range.to === null ? null : `stream_id < ${client.escapeLiteral(range.to)}`,
  ].filter((b) => b !== null);
  const where = bounds.length > 0 ? `WHERE ${bounds.join(' AND ')}` : '';
  await copyBinaryTuples(
    client,
    `SELECT ${CHAIN_COLUMNS} FROM events ${where} ORDER BY stream_id, version`,
    FIELD_COUNT,
    (tuple) => {
      checker.check(tuple);
      if (checker.checked % progressEvery === 0) onProgress(checker.checked);
    },
  );
  onProgress(checker.checked);
  return {
    checked: checker.checked,
    streams: checker.streams,
    broken: checker.broken.count,
    disposed: checker.disposed,
    ...(checker.broken.first ? { firstBroken: checker.broken.first } : {}),
  };
}
