import { Pool } from 'pg';
import { LiaisonConfig, survivingLostConnections } from '@liaison/platform';

export const LEDGER_POOL = Symbol('LEDGER_POOL');

/**
 * Connections whose commits do not wait for the disk (synchronous_commit off), for marking
 * jobs finished. Losing the last moment of such marks in a Postgres crash costs a harmless
 * re-run (consumers are idempotent); never an event, which always commits durably.
 */
export function createLedgerPool(config: LiaisonConfig): Pool {
  const pool = new Pool({
    connectionString: config.databaseUrl,
    max: Math.max(2, Math.ceil(config.dbPoolSize / 2)),
    application_name: `liaison-ledger-${process.pid}`,
    options: '-c synchronous_commit=off',
  });
  return survivingLostConnections(pool);
}
