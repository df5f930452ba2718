import { randomBytes, randomUUID } from 'node:crypto';
import { PoolClient } from 'pg';
import { inTransaction } from '@liaison/platform';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { ERASED, ERASED_KO, openAll, sealPaths } from '../fields/sealed-field';
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
