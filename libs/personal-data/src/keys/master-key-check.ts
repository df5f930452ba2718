/**
 * The boot check: every master key id the table uses must be given by the environment and must
 * open a data key wrapped under it. A wrong key would otherwise show every name as erased (or
 * fail the first write) long after the deploy; it stops the process at start, naming the variable.
 */
import { Pool, PoolClient } from 'pg';
import { unwrapDataKey, wrapDataKey } from './data-keys';
import { MasterKeyring } from './master-keys';

export async function checkMasterKeys(
  db: Pick<Pool | PoolClient, 'query'>,
  ring: MasterKeyring,
): Promise<void> {
  const { rows } = await db.query<{ master_key_id: string; key_ref: string; wrapped_key: Buffer }>(
    `SELECT DISTINCT ON (master_key_id) master_key_id, key_ref, wrapped_key
     FROM personal_data_keys WHERE wrapped_key IS NOT NULL ORDER BY master_key_id, key_ref`,
  );
  for (const row of rows) unwrapDataKey(ring, row.master_key_id, row.key_ref, row.wrapped_key);
}

/**
 * Rewraps every live data key under `from` with `to`, in one transaction: either all rows move
 * or none does. The data keys themselves (and so every ciphertext in the log) do not change.
 */
export async function rotateMasterKey(
  tx: Pick<PoolClient, 'query'>,
  ring: MasterKeyring,
  from: string,
  to: string,
): Promise<{ rewrapped: number }> {
  const { rows } = await tx.query<{ key_ref: string; wrapped_key: Buffer }>(
    `SELECT key_ref, wrapped_key FROM personal_data_keys
     WHERE master_key_id = $1 AND wrapped_key IS NOT NULL FOR UPDATE`,
    [from],
  );
  for (const row of rows) {
    const key = unwrapDataKey(ring, from, row.key_ref, row.wrapped_key);
    await tx.query(
      'UPDATE personal_data_keys SET master_key_id = $2, wrapped_key = $3 WHERE key_ref = $1',
      [row.key_ref, to, wrapDataKey(ring, to, row.key_ref, key)],
    );
  }
  // Tombstones carry the id too; they hold no key, so they simply follow.
  await tx.query(
    'UPDATE personal_data_keys SET master_key_id = $2 WHERE master_key_id = $1 AND wrapped_key IS NULL',
    [from, to],
  );
  return { rewrapped: rows.length };
}
