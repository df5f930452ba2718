import { Inject, Injectable } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { AgencyInfo } from '../domain';

interface AgencyRow {
  code: string;
  name: string;
  kind: AgencyInfo['kind'];
  active: boolean;
  liaison_agency: string | null;
}

/** Directory changes are rare and every command reads it: a snapshot is kept a few seconds. */
const CACHE_MS = 5_000;

@Injectable()
export class AgencyDirectory {
  private cached?: { at: number; agencies: ReadonlyMap<string, AgencyInfo> };
  /** The read under way: commands that find the snapshot expired together share it. */
  private loading?: Promise<ReadonlyMap<string, AgencyInfo>>;
  /** Bumped by invalidate(): a read begun before a change must not be kept as fresh. */
  private generation = 0;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** `db`: a caller inside a transaction reads on its own connection, never waits for another. */
  async snapshot(db: Pool | PoolClient = this.pool): Promise<ReadonlyMap<string, AgencyInfo>> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.agencies;
    // A transaction's own connection reads alone: sharing a pool read would make it wait on the pool.
    if (db !== this.pool) return this.load(this.generation, db);
    // Under load every command in flight finds the snapshot expired at once (bench:api: about
    // seven identical reads per expiry): one read answers them all.
    if (!this.loading) {
      const loading = this.load(this.generation, this.pool).finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  private async load(
    generation: number,
    db: Pool | PoolClient,
  ): Promise<ReadonlyMap<string, AgencyInfo>> {
    const { rows } = await db.query<AgencyRow>(
      'SELECT code, name, kind, active, liaison_agency FROM agencies ORDER BY kind, code',
    );
    const agencies = new Map(
      rows.map((r): [string, AgencyInfo] => [
        r.code,
        {
          code: r.code,
          name: r.name,
          kind: r.kind,
          active: r.active,
          ...(r.liaison_agency ? { liaisonAgency: r.liaison_agency } : {}),
        },
      ]),
    );
    if (generation === this.generation) this.cached = { at: Date.now(), agencies };
    return agencies;
  }

  async list(): Promise<AgencyInfo[]> {
    return [...(await this.snapshot()).values()];
  }

  /** Forget the snapshot after a directory change made by this process. */
  invalidate(): void {
    this.cached = undefined;
    this.loading = undefined;
    this.generation++;
  }
}
