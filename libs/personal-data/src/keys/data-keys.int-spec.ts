import { randomBytes, randomUUID } from 'node:crypto';
import { PoolClient } from 'pg';
import { inTransaction } from '@liaison/platform';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { ERASED, ERASED_KO, sealField } from '../fields/sealed-field';
import { openAll, sealPaths } from '../fields/personal-fields';
import { DataKeys, PersonalDataErasedError } from './data-keys';
import { checkMasterKeys } from './master-key-check';
import { loadMasterKeyring } from './master-keys';

/** The data keys on a real database: made once, used across transactions, destroyed for good. */
describe('DataKeys (personal_data_keys)', () => {
  let db: ThrowawayDatabase;
  const ring = loadMasterKeyring({ PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64') });
  const paths = [['displayName', 'ko'], ['displayName', 'en'], ['email']] as const;
  const person = { displayName: { ko: '박보안', en: 'Park Boan' }, email: 'boan@kisa.example' };
  const tx = <T>(fn: (keys: DataKeys, tx: PoolClient) => Promise<T>) =>
    inTransaction(db.pool, (client) => fn(new DataKeys(client, ring), client));

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_personal_data');
  });
  afterAll(() => db.drop());

  it('seals under a key made on first use, stored only wrapped, and opens in a later transaction', async () => {
    const ref = randomUUID();
    const { data, sealed } = await tx((keys) => sealPaths(keys, ref, person, paths));
    expect(sealed).toBe(3);
    expect(JSON.stringify(data)).not.toMatch(/박보안|Park|boan/);
    expect(await tx((keys) => openAll(keys, data))).toEqual(person);
    const { rows } = await db.pool.query(
      'SELECT master_key_id, length(wrapped_key) AS n, erased_at FROM personal_data_keys WHERE key_ref = $1',
      [ref],
    );
    expect(rows).toEqual([{ master_key_id: 'k1', n: 12 + 16 + 32, erased_at: null }]);
  });

  it('two first writes for one person at once end with one key that opens both', async () => {
    const ref = randomUUID();
    const [a, b] = await Promise.all([
      tx((keys) => sealPaths(keys, ref, person, paths)),
      tx((keys) => sealPaths(keys, ref, person, paths)),
    ]);
    expect(await tx((keys) => openAll(keys, [a.data, b.data]))).toEqual([person, person]);
  });

  it('after destroy: reads as erased, nothing new may be sealed, the tombstone keeps the reason', async () => {
    const ref = randomUUID();
    const { data } = await tx((keys) => sealPaths(keys, ref, person, paths));
    await tx((keys) => keys.destroy(ref, 'PIPA request'));
    expect(await tx((keys) => openAll(keys, data))).toEqual({
      displayName: { ko: ERASED_KO, en: ERASED },
      email: ERASED,
    });
    await expect(tx((keys) => sealPaths(keys, ref, person, paths))).rejects.toBeInstanceOf(
      PersonalDataErasedError,
    );
    const { rows } = await db.pool.query(
      'SELECT wrapped_key, erased_reason FROM personal_data_keys WHERE key_ref = $1',
      [ref],
    );
    expect(rows).toEqual([{ wrapped_key: null, erased_reason: 'PIPA request' }]);
  });

  it('fields sealed one by one before v2 (v1, schema version 2) still open, and erase with the key', async () => {
    const ref = randomUUID();
    const v1 = await tx(async (keys) => {
      const key = await keys.getOrCreate(ref);
      return {
        displayName: { ko: sealField(key, ref, '박보안'), en: sealField(key, ref, 'Park Boan') },
        email: sealField(key, ref, 'boan@kisa.example'),
      };
    });
    const { data: v2 } = await tx((keys) => sealPaths(keys, ref, person, paths));
    expect(await tx((keys) => openAll(keys, [v1, v2]))).toEqual([person, person]);
    await tx((keys) => keys.destroy(ref, 'PIPA request'));
    const erased = { displayName: { ko: ERASED_KO, en: ERASED }, email: ERASED };
    expect(await tx((keys) => openAll(keys, [v1, v2]))).toEqual([erased, erased]);
  });

  it('a batch reads (or makes) all its keys in one statement or two, never one per event', async () => {
    const refs = Array.from({ length: 100 }, () => randomUUID());
    const counted = async <T>(fn: (keys: DataKeys) => Promise<T>) =>
      inTransaction(db.pool, async (client) => {
        const statements: string[] = [];
        const counting = {
          query: (text: string, values?: unknown[]) => {
            statements.push(text);
            return client.query(text, values);
          },
        } as unknown as PoolClient;
        return { result: await fn(new DataKeys(counting, ring)), statements };
      });
    const sealBatch = (keys: DataKeys) =>
      keys
        .getOrCreateAll(refs)
        .then(() => Promise.all(refs.map((ref) => sealPaths(keys, ref, person, paths))));

    // First events of 100 people: one read, one insert of the missing keys.
    const made = await counted(sealBatch);
    expect(made.statements).toHaveLength(2);
    // Their next events: one read, the keys unwrapped once each.
    expect((await counted(sealBatch)).statements).toHaveLength(1);
    // Opening the whole batch: one read.
    const events = made.result.map((r) => r.data);
    const opened = await counted((keys) => openAll(keys, events));
    expect(opened.result).toEqual(refs.map(() => person));
    expect(opened.statements).toHaveLength(1);
    // One person's history opened event by event, the walks interleaved: still one read.
    const history = Array.from({ length: 50 }, () => events[7]);
    const walked = await counted((keys) => Promise.all(history.map((data) => openAll(keys, data))));
    expect(walked.result).toEqual(history.map(() => person));
    expect(walked.statements).toHaveLength(1);
    // One person erased among them: the batch is refused before any key is made.
    await tx((keys) => keys.destroy(refs[42], 'PIPA request'));
    const fresh = randomUUID();
    await expect(tx((keys) => keys.getOrCreateAll([fresh, ...refs]))).rejects.toBeInstanceOf(
      PersonalDataErasedError,
    );
    const { rows } = await db.pool.query('SELECT 1 FROM personal_data_keys WHERE key_ref = $1', [
      fresh,
    ]);
    expect(rows).toEqual([]);
  });

  it('two first writes of overlapping batches at once agree on every key', async () => {
    const refs = Array.from({ length: 20 }, () => randomUUID());
    const [a, b] = await Promise.all([
      tx(async (keys) => keys.getOrCreateAll(refs)),
      tx(async (keys) => keys.getOrCreateAll([...refs].reverse())),
    ]);
    for (const ref of refs) expect(a.get(ref)!.equals(b.get(ref)!)).toBe(true);
    const after = await tx(async (keys) => keys.getOrCreateAll(refs));
    for (const ref of refs) expect(after.get(ref)!.equals(a.get(ref)!)).toBe(true);
  });

  it('reads on the pool asked at once share one statement; an erasure before them is seen', async () => {
    const refs = Array.from({ length: 16 }, () => randomUUID());
    await tx((keys) => keys.getOrCreateAll(refs));
    await tx((keys) => keys.destroy(refs[3], 'PIPA request'));
    const spy = jest.spyOn(db.pool, 'query');
    try {
      const found = await Promise.all(refs.map((ref) => new DataKeys(db.pool, ring).get(ref)));
      expect(found.map((f) => f.state)).toEqual(refs.map((_, i) => (i === 3 ? 'erased' : 'live')));
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('the boot check passes with the right key and names the variable with a wrong one', async () => {
    await checkMasterKeys(db.pool, ring);
    const wrong = loadMasterKeyring({
      PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
    });
    await expect(checkMasterKeys(db.pool, wrong)).rejects.toThrow(
      /^PERSONAL_DATA_MASTER_KEY does not open the data keys wrapped under master key id 'k1'/,
    );
  });
});
