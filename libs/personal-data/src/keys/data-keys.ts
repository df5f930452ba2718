/**
 * One data key per person (random 256 bits), stored only wrapped by a master key, in
 * `personal_data_keys`. Erasure deletes the wrapped key and leaves the row as a tombstone
 * (`erased_at`), so every reader can tell "erased" from "never had a key".
 */
import { randomBytes } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { openBox, sealBox } from './aead';
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
  return sealBox(master, key, wrapAad(keyRef));
}

export function unwrapDataKey(
  ring: MasterKeyring,
  keyId: string,
  keyRef: string,
  wrapped: Buffer,
): Buffer {
  const master = requireMaster(ring, keyId);
  try {
    return openBox(master, wrapped, wrapAad(keyRef));
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
 * The data keys one transaction has used, so that a batch reads all its keys in one statement
 * and unwraps each once. Lives no longer than the transaction: an erasure committed by another
 * one is seen next time, so nothing outlives it that a destroyed key could be used from (no
 * process-wide cache of clear keys). The reads are plain, as before: the writer that erases a
 * person holds their stream's append, and a text sealed under a key erased meanwhile only ever
 * reads as erased.
 */
export class DataKeys {
  /** Settled or in flight: concurrent walks of one transaction share one read. */
  private readonly known = new Map<string, Promise<DataKey>>();

  constructor(
    private readonly tx: Queryable,
    private readonly ring: MasterKeyring,
  ) {}

  async get(keyRef: string): Promise<DataKey> {
    await this.load([keyRef]);
    return this.known.get(keyRef)!;
  }

  /** Reads every reference not yet known in one statement (`key_ref = ANY`). */
  async load(keyRefs: Iterable<string>): Promise<void> {
    const refs = [...new Set(keyRefs)];
    const wanted = refs.filter((ref) => !this.known.has(ref));
    if (wanted.length > 0) {
      const read = this.read(wanted);
      for (const ref of wanted) {
        this.known.set(
          ref,
          read.then((found) => found.get(ref)!),
        );
      }
      // A failed read is forgotten, so the transaction's caller sees the error, not a stale one.
      read.catch(() => wanted.forEach((ref) => this.known.delete(ref)));
    }
    await Promise.all(refs.map((ref) => this.known.get(ref)));
  }

  private async read(refs: string[]): Promise<Map<string, DataKey>> {
    const rows =
      this.tx instanceof Pool ? await joinedRead(this.tx, refs) : await readRows(this.tx, refs);
    const found = new Map<string, DataKey>(refs.map((ref) => [ref, { state: 'missing' }]));
    for (const row of rows) {
      if (!found.has(row.key_ref)) continue; // another caller's, in a joined read
      found.set(
        row.key_ref,
        row.wrapped_key === null
          ? { state: 'erased' }
          : {
              state: 'live',
              key: unwrapDataKey(this.ring, row.master_key_id, row.key_ref, row.wrapped_key),
            },
      );
    }
    return found;
  }

  /** The live key of a reference, made on first use; refuses for an erased person. */
  async getOrCreate(keyRef: string): Promise<Buffer> {
    return (await this.getOrCreateAll([keyRef])).get(keyRef)!;
  }

  /**
   * The live keys of all `keyRefs`: one statement reads them, one more makes the missing ones
   * (and a third only when a concurrent first write made some of them meanwhile). Refuses, before
   * making any, when one of them is erased.
   */
  async getOrCreateAll(keyRefs: Iterable<string>): Promise<Map<string, Buffer>> {
    const refs = [...new Set(keyRefs)];
    await this.load(refs);
    const keys = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const ref of refs) {
      const found = await this.known.get(ref)!;
      if (found.state === 'erased') throw new PersonalDataErasedError(ref);
      if (found.state === 'live') keys.set(ref, found.key);
      else missing.push(ref);
    }
    if (missing.length === 0) return keys;
    const made = new Map(missing.map((ref) => [ref, randomBytes(32)]));
    const id = this.ring.currentId;
    // A concurrent first write for the same person: the first key wins and is used.
    const { rows } = await this.tx.query<{ key_ref: string }>({
      name: 'liaison_personal_data_keys_insert',
      text: `INSERT INTO personal_data_keys (key_ref, master_key_id, wrapped_key)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[])
       ON CONFLICT (key_ref) DO NOTHING RETURNING key_ref`,
      values: [
        missing,
        missing.map(() => id),
        missing.map((ref) => wrapDataKey(this.ring, id, ref, made.get(ref)!)),
      ],
    });
    const inserted = new Set(rows.map((r) => r.key_ref));
    for (const ref of inserted) {
      keys.set(ref, made.get(ref)!);
      this.known.set(ref, Promise.resolve({ state: 'live', key: made.get(ref)! }));
    }
    const lost = missing.filter((ref) => !inserted.has(ref));
    if (lost.length === 0) return keys;
    lost.forEach((ref) => this.known.delete(ref));
    await this.load(lost);
    for (const ref of lost) {
      const again = await this.known.get(ref)!;
      if (again.state !== 'live') throw new PersonalDataErasedError(ref);
      keys.set(ref, again.key);
    }
    return keys;
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
    this.known.set(keyRef, Promise.resolve({ state: 'erased' }));
  }
}

type KeyRow = { key_ref: string; master_key_id: string; wrapped_key: Buffer | null };

/**
 * The key statements are named, as the store's appends are: Postgres parses and plans them once
 * per connection, where a directory write or a sealed append sends one or two of them each.
 */
async function readRows(q: Queryable, refs: string[]): Promise<KeyRow[]> {
  const { rows } = await q.query<KeyRow>({
    name: 'liaison_personal_data_keys_read',
    text: 'SELECT key_ref, master_key_id, wrapped_key FROM personal_data_keys WHERE key_ref = ANY($1::text[])',
    values: [refs],
  });
  return rows;
}

/**
 * Reads on a pool (no transaction: a comment sealed before its append) asked in the same turn of
 * the event loop share one statement, as the store joins concurrent appends. Not a cache: the
 * statement is sent after every caller asked, so each sees every erasure committed before it.
 */
const pendingReads = new WeakMap<Pool, { refs: Set<string>; rows: Promise<KeyRow[]> }>();

function joinedRead(pool: Pool, refs: string[]): Promise<KeyRow[]> {
  let pending = pendingReads.get(pool);
  if (!pending) {
    const joined = new Set<string>();
    const rows = new Promise<KeyRow[]>((resolve, reject) =>
      setImmediate(() => {
        pendingReads.delete(pool);
        readRows(pool, [...joined]).then(resolve, reject);
      }),
    );
    pending = { refs: joined, rows };
    pendingReads.set(pool, pending);
  }
  refs.forEach((ref) => pending.refs.add(ref));
  return pending.rows;
}

export class PersonalDataErasedError extends Error {
  override name = 'PersonalDataErasedError';
  constructor(readonly keyRef: string) {
    super(`the personal data of ${keyRef} has been erased; nothing new may be written under it`);
  }
}
