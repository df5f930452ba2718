import { ClientConfig, Pool } from 'pg';
import { BrokenEvent } from '../chains/broken-event';
import { ChainReport, ChainVerifier } from '../chains/chain-verifier';
import { SealKeys } from '../keys/seal-keys';
import { withReadSnapshot } from '../reading/read-snapshot';
import { SealReport, SealVerifier } from '../seals/seal-verifier';

/** The answer of GET /audit/verify. */
export interface VerifyReport {
  ok: boolean;
  /** Events whose chains were recomputed. */
  checked: number;
  /** The broken place earliest in the log, from either check. */
  firstBroken?: BrokenEvent & { check: 'chain' | 'seal' };
  chains: ChainReport;
  seals: SealReport;
  /** Present when records were disposed of: the disposed events, named so, not broken. */
  disposed?: { events: number; ranges: NonNullable<ChainReport['disposedRanges']> };
}

export interface VerifyOptions {
  /** Chain-check worker threads (see ChainVerifyOptions.workers). */
  workers?: number;
  /** Events between progress reports, for both passes (see ChainVerifyOptions.pageSize). */
  pageSize?: number;
  /** Progress of the chain check (the longer pass): events checked, and the total. */
  onProgress?: (checked: number, total: number) => void;
}

/**
 * Both checks over one snapshot of the log, side by side: every stream's hash chain (catches
 * changed content, gaps and reordering inside a stream) and the signed seals (catch what a
 * chain cannot: deleted streams, a cut tail, events re-hashed by someone with database access).
 */
export class AuditVerifier {
  private readonly chains: ChainVerifier;
  private readonly seals: SealVerifier;

  constructor(
    private readonly pool: Pool,
    keys: SealKeys,
    connection?: ClientConfig,
  ) {
    this.chains = new ChainVerifier(pool, connection);
    this.seals = new SealVerifier(pool, keys);
  }

  verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    return withReadSnapshot(this.pool, async (snapshot) => {
      const [chains, seals] = await Promise.all([
        this.chains.verifyIn(snapshot, options),
        withReadSnapshot(
          this.pool,
          (second) => this.seals.verifyIn(second, { pageSize: options.pageSize }),
          snapshot.snapshotId,
        ),
      ]);
      const candidates = [
        chains.firstBroken && { ...chains.firstBroken, check: 'chain' as const },
        seals.firstBroken && { ...seals.firstBroken, check: 'seal' as const },
      ].filter((b) => b !== undefined);
      const firstBroken = candidates.sort((a, b) => a.position - b.position)[0];
      return {
        ok: chains.ok && seals.ok,
        checked: chains.checked,
        ...(firstBroken ? { firstBroken } : {}),
        ...(chains.disposed && chains.disposedRanges
          ? { disposed: { events: chains.disposed, ranges: chains.disposedRanges } }
          : {}),
        chains,
        seals,
      };
    });
  }
}
