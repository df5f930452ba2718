import { ClientConfig, Pool } from 'pg';
import { DisposedRange, disposedRanges } from '../disposal/disposed-events';
import { rawRows } from '../reading/keyset-pages';
import { ReadSnapshot, withReadSnapshot } from '../reading/read-snapshot';
import { BrokenEvent, BrokenTally } from './broken-event';
import { HASH_MISMATCH } from './chain-checker';
import { diagnoseHashMismatch } from './chain-diagnosis';
import { STREAM_ROWS_SQL } from './chain-rows';
import { ChainScanResult, scanChains } from './chain-scan';
import { ChainWorker, connectionOf } from './chain-workers';
import { countEvents, lastPosition, splitStreams } from './stream-ranges';

export interface ChainReport {
  ok: boolean;
  /** Events checked. */
  checked: number;
  streams: number;
  /** How many events failed a check. */
  broken: number;
  /** The broken event earliest in the log. */
  firstBroken?: BrokenEvent;
  /** Events disposed of under a records officer's approval: content gone, hash trusted
   * (present only when there are some). */
  disposed?: number;
  /** The disposed events, as runs of versions in each stream (not broken). */
  disposedRanges?: DisposedRange[];
}

export interface ChainVerifyOptions {
  /**
   * Events between progress reports, and the smallest log worth worker threads (default
   * 10,000). Each range is read as one COPY, not in pages.
   */
  pageSize?: number;
  /**
   * Worker threads, each on its own connection and range of streams (default 2). With 0 or 1
   * the check runs on the calling thread (and blocks its event loop between pages).
   */
  workers?: number;
  /** Called as pages are checked: events checked so far, and the total in the snapshot. */
  onProgress?: (checked: number, total: number) => void;
}

/**
 * Recomputes every stream's hash chain over the whole log: versions 1..n with no gap, and each
 * stored hash = chainHash(previous stored hash, canonical body). Reports the broken event
 * earliest in the log, diagnosed from its whole stream.
 */
export class ChainVerifier {
  private readonly connection: ClientConfig;

  constructor(
    private readonly pool: Pool,
    connection?: ClientConfig,
  ) {
    this.connection = connection ?? connectionOf(pool);
  }

  verify(options: ChainVerifyOptions = {}): Promise<ChainReport> {
    return withReadSnapshot(this.pool, (s) => this.verifyIn(s, options));
  }

  /** The same, inside a snapshot the caller holds (so another pass can share it). */
  async verifyIn(snapshot: ReadSnapshot, options: ChainVerifyOptions = {}): Promise<ChainReport> {
    const pageSize = options.pageSize ?? 10_000;
    const workers = options.workers ?? 2;
    // Workers start before the log is counted and split, which takes about as long: only for a
    // log that may be big enough to need them (the last position bounds the count from above).
    const started: ChainWorker[] = [];
    let results: ChainScanResult[];
    try {
      if (workers > 1 && (await lastPosition(snapshot.client)) >= pageSize) {
        for (let i = 0; i < workers; i++) started.push(this.startWorker(snapshot, pageSize));
      }
      const total = await countEvents(snapshot.client);
      const report = (checked: number) => options.onProgress?.(checked, total);
      if (started.length === 0 || total < pageSize) {
        results = [await scanChains(snapshot.client, { from: null, to: null }, pageSize, report)];
      } else {
        const ranges = await splitStreams(snapshot.client, total, workers);
        const progress = ranges.map(() => 0);
        results = await Promise.all(
          ranges.map((range, i) =>
            started[i].scan(range, (checked) => {
              progress[i] = checked;
              report(progress.reduce((a, b) => a + b, 0));
            }),
          ),
        );
      }
    } catch (err) {
      for (const worker of started) worker.stop(); // the others' scans are moot now
      throw err;
    } finally {
      for (const worker of started) worker.dismiss(); // those given no range
    }

    const tally = new BrokenTally();
    for (const r of results) {
      if (r.firstBroken) tally.add(r.firstBroken);
    }
    const broken = results.reduce((n, r) => n + r.broken, 0);
    const first = tally.first && (await this.diagnose(snapshot, tally.first));
    const disposed = results.flatMap((r) => r.disposed ?? []);
    return {
      ok: broken === 0,
      checked: results.reduce((n, r) => n + r.checked, 0),
      streams: results.reduce((n, r) => n + r.streams, 0),
      broken,
      ...(first ? { firstBroken: first } : {}),
      ...(disposed.length > 0
        ? { disposed: disposed.length, disposedRanges: disposedRanges(disposed) }
        : {}),
    };
  }

  private startWorker(snapshot: ReadSnapshot, pageSize: number): ChainWorker {
    return new ChainWorker({
      connection: this.connection,
      snapshotId: snapshot.snapshotId,
      pageSize,
    });
  }

  private async diagnose(snapshot: ReadSnapshot, b: BrokenEvent): Promise<BrokenEvent> {
    if (b.problem !== HASH_MISMATCH || b.streamId === undefined) return b;
    const rows = await rawRows(snapshot.client, STREAM_ROWS_SQL, [b.streamId]);
    return { ...b, problem: diagnoseHashMismatch(rows, b.version ?? 0) };
  }
}
