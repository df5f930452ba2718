import { randomBytes } from 'node:crypto';
import { ERASED, ERASED_KO, openField, sealField } from '../fields/sealed-field';
import { unwrapDataKey, wrapDataKey } from './data-keys';
import { loadMasterKeyring } from './master-keys';

const K = randomBytes(32).toString('base64');

describe('master keys from the environment', () => {
  it('is required in production, and its message names the variable', () => {
    expect(() => loadMasterKeyring({ NODE_ENV: 'production' })).toThrow(
      /PERSONAL_DATA_MASTER_KEY is required/,
    );
  });

  it('gives the development key only under NODE_ENV=development|test', () => {
    expect(loadMasterKeyring({ NODE_ENV: 'development' }).currentId).toBe('dev');
    expect(loadMasterKeyring({ NODE_ENV: 'test' }).currentId).toBe('dev');
  });

  it('refuses a key that is not base64 of 32 bytes, naming the variable', () => {
    const short = randomBytes(16).toString('base64');
    expect(() =>
      loadMasterKeyring({ NODE_ENV: 'production', PERSONAL_DATA_MASTER_KEY: short }),
    ).toThrow(/PERSONAL_DATA_MASTER_KEY must be the base64 of 32 random bytes/);
    expect(() =>
      loadMasterKeyring({ PERSONAL_DATA_MASTER_KEY: K, PERSONAL_DATA_MASTER_KEY_K0: 'nope' }),
    ).toThrow(/PERSONAL_DATA_MASTER_KEY_K0 must be/);
  });

  it('reads the current key under its id and older ones by PERSONAL_DATA_MASTER_KEY_<ID>', () => {
    const old = randomBytes(32).toString('base64');
    const ring = loadMasterKeyring({
      PERSONAL_DATA_MASTER_KEY: K,
      PERSONAL_DATA_MASTER_KEY_ID: 'k2',
      PERSONAL_DATA_MASTER_KEY_K1: old,
    });
    expect(ring.currentId).toBe('k2');
    expect(ring.key('k1')?.toString('base64')).toBe(old);
    expect(ring.variableOf('k1')).toBe('PERSONAL_DATA_MASTER_KEY_K1');
  });
});

describe('wrapping and sealing', () => {
  const ring = loadMasterKeyring({ PERSONAL_DATA_MASTER_KEY: K });

  it('unwraps only for the same person and the same master key', () => {
    const key = randomBytes(32);
    const wrapped = wrapDataKey(ring, 'k1', 'person-a', key);
    expect(unwrapDataKey(ring, 'k1', 'person-a', wrapped).equals(key)).toBe(true);
    expect(() => unwrapDataKey(ring, 'k1', 'person-b', wrapped)).toThrow(
      /PERSONAL_DATA_MASTER_KEY does not open/,
    );
    const other = loadMasterKeyring({
      PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
    });
    expect(() => unwrapDataKey(other, 'k1', 'person-a', wrapped)).toThrow(
      /PERSONAL_DATA_MASTER_KEY/,
    );
  });

  it('seals a field so that it holds nothing of the clear text, and opens it again', () => {
    const key = randomBytes(32);
    const sealed = sealField(key, 'p1', '홍길동 Hong Gildong');
    expect(JSON.stringify(sealed)).not.toMatch(/Hong|홍/);
    expect(openField(key, sealed)).toBe('홍길동 Hong Gildong');
    expect(() => openField(randomBytes(32), sealed)).toThrow();
    expect([ERASED_KO, ERASED]).toEqual(['(삭제됨)', '(erased)']);
  });
});
