import { Pool, PoolClient, Client } from 'pg';
import { keysetPages } from '../reading/keyset-pages';
import { BrokenEvent } from './broken-event';
import { ChainChecker } from './chain-checker';
import { CHAIN_PAGE_SQL, Col } from './chain-rows';

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
}

/** Checks the chains of every stream in a range, page by page, inside the caller's snapshot. */
export async function scanChains(
  db: Pool | PoolClient | Client,
  range: StreamRange,
  pageSize: number,
  onPage: (checked: number) => void,
): Promise<ChainScanResult> {
  const checker = new ChainChecker();
  const pages = keysetPages(db, {
    sql: CHAIN_PAGE_SQL,
    start: [range.from ?? '', 0, range.to],
    keyOf: (row) => [row[Col.StreamId], row[Col.Version], range.to],
    pageSize,
  });
  for await (const rows of pages) {
    checker.check(rows);
    onPage(checker.checked);
  }
  return {
    checked: checker.checked,
    streams: checker.streams,
    broken: checker.broken.count,
    ...(checker.broken.first ? { firstBroken: checker.broken.first } : {}),
  };
}
