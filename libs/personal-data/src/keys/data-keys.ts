/**
 * One data key per person (random 256 bits), stored only wrapped by a master key, in
 * `personal_data_keys`. Erasure deletes the wrapped key and leaves the row as a tombstone
 * (`erased_at`), so every reader can tell "erased" from "never had a key".
 */
import { randomBytes } from 'node:crypto';
import { PoolClient } from 'pg';
import { open, seal } from './aead';
import { MasterKeyConfigError, MasterKeyring } from './master-keys';

type Queryable = Pick<PoolClient, 'query'>;

/** What a reader gets for a key reference. */
export type DataKey = { state: 'live'; key: Buffer } | { state: 'erased' } | { state: 'missing' };

const wrapAad = (keyRef: string) => `liaison:personal-data-key:v1:${keyRef}`;

export function wrapDataKey(
  ring: MasterKeyring,
  keyId: string,
  keyRef: string,
  key: Buffer,
): Buffer {
  const master = requireMaster(ring, keyId);
  const s = seal(master, key, wrapAad(keyRef));
  return Buffer.concat([s.iv, s.tag, s.ct]);
}

export function unwrapDataKey(
  ring: MasterKeyring,
  keyId: string,
  keyRef: string,
  wrapped: Buffer,
): Buffer {
  const master = requireMaster(ring, keyId);
  try {
    return open(
      master,
      { iv: wrapped.subarray(0, 12), tag: wrapped.subarray(12, 28), ct: wrapped.subarray(28) },
      wrapAad(keyRef),
    );
  } catch {
    throw new MasterKeyConfigError(
      `${ring.variableOf(keyId)} does not open the data keys wrapped under master key id ` +
        `'${keyId}': it is not the key they were wrapped with`,
    );
  }
}

function requireMaster(ring: MasterKeyring, keyId: string): Buffer {
  const master = ring.key(keyId);
  if (!master) {
    throw new MasterKeyConfigError(
      `data keys are wrapped under master key id '${keyId}', which the environment does not ` +
        `give (set ${ring.variableOf(keyId)})`,
    );
  }
  return master;
}

/**
 * The data keys one transaction has used, so that an event with three personal fields unwraps
 * its key once. Lives no longer than the transaction: an erasure in another one is seen next time.
 */
export class DataKeys {
  private readonly known = new Map<string, DataKey>();

  constructor(
    private readonly tx: Queryable,
    private readonly ring: MasterKeyring,
  ) {}

  async get(keyRef: string): Promise<DataKey> {
    const hit = this.known.get(keyRef);
    if (hit) return hit;
    const { rows } = await this.tx.query<{ master_key_id: string; wrapped_key: Buffer | null }>(
      'SELECT master_key_id, wrapped_key FROM personal_data_keys WHERE key_ref = $1',
      [keyRef],
    );
    const row = rows[0];
    const found: DataKey = !row
      ? { state: 'missing' }
      : row.wrapped_key === null
        ? { state: 'erased' }
        : {
            state: 'live',
            key: unwrapDataKey(this.ring, row.master_key_id, keyRef, row.wrapped_key),
          };
    this.known.set(keyRef, found);
    return found;
  }

  /** The live key of a reference, made on first use; refuses for an erased person. */
  async getOrCreate(keyRef: string): Promise<Buffer> {
    const existing = await this.get(keyRef);
    if (existing.state === 'live') return existing.key;
    if (existing.state === 'erased') {
      throw new PersonalDataErasedError(keyRef);
    }
    const key = randomBytes(32);
    const wrapped = wrapDataKey(this.ring, this.ring.currentId, keyRef, key);
    // A concurrent first write for the same person: the first key wins and is used.
    const { rows } = await this.tx.query<{ inserted: boolean }>(
      `INSERT INTO personal_data_keys (key_ref, master_key_id, wrapped_key) VALUES ($1, $2, $3)
       ON CONFLICT (key_ref) DO NOTHING RETURNING true AS inserted`,
      [keyRef, this.ring.currentId, wrapped],
    );
    if (rows.length === 0) {
      this.known.delete(keyRef);
      const again = await this.get(keyRef);
      if (again.state !== 'live') throw new PersonalDataErasedError(keyRef);
      return again.key;
    }
    this.known.set(keyRef, { state: 'live', key });
    return key;
  }

  /** Crypto-shredding: the wrapped key is gone; the row stays as the tombstone. */
  async destroy(keyRef: string, reason: string): Promise<void> {
    await this.tx.query(
      `INSERT INTO personal_data_keys (key_ref, master_key_id, wrapped_key, erased_at, erased_reason)
       VALUES ($1, $2, NULL, now(), $3)
       ON CONFLICT (key_ref) DO UPDATE SET wrapped_key = NULL, erased_at = now(),
         erased_reason = EXCLUDED.erased_reason`,
      [keyRef, this.ring.currentId, reason],
    );
    this.known.set(keyRef, { state: 'erased' });
  }
}

export class PersonalDataErasedError extends Error {
  override name = 'PersonalDataErasedError';
  constructor(readonly keyRef: string) {
    super(`the personal data of ${keyRef} has been erased; nothing new may be written under it`);
  }
}
