import { generateKeyPairSync } from 'node:crypto';
import { ConfigError } from '@liaison/platform';
import { loadSealKeys } from './seal-keys';

const ed25519 = () => generateKeyPairSync('ed25519');

describe('loadSealKeys', () => {
  it('uses the committed development key outside production when nothing is set', () => {
    const keys = loadSealKeys({ NODE_ENV: 'test' });
    expect(keys.development).toBe(true);
    expect(keys.signing?.keyId).toBe(keys.primary.keyId);
    expect(keys.primary.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('reads AUDIT_SEAL_PRIVATE_KEY (also with literal \\n) and derives the public key', () => {
    const { privateKey, publicKey } = ed25519();
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keys = loadSealKeys({
      NODE_ENV: 'production',
      AUDIT_SEAL_PRIVATE_KEY: pem.replace(/\n/g, '\\n'),
    });
    expect(keys.development).toBe(false);
    expect(keys.primary.pem).toBe(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  });

  it.each([
    ['AUDIT_SEAL_PRIVATE_KEY', 'not a key'],
    ['AUDIT_SEAL_PUBLIC_KEY', 'not a key'],
    [
      'AUDIT_SEAL_PRIVATE_KEY',
      generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    ],
  ])('names %s when it is malformed', (variable, value) => {
    expect(() => loadSealKeys({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadSealKeys({ [variable]: value })).toThrow(variable);
  });

  it('never falls back to the development key in production', () => {
    expect(() => loadSealKeys({ NODE_ENV: 'production' })).toThrow('AUDIT_SEAL_PRIVATE_KEY');
  });

  it('trusts every key given in AUDIT_SEAL_PUBLIC_KEY (rotation) and signs with none of them', () => {
    const a = ed25519().publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const b = ed25519().publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const keys = loadSealKeys({ NODE_ENV: 'production', AUDIT_SEAL_PUBLIC_KEY: a + b });
    expect(keys.trusted.size).toBe(2);
    expect(keys.signing).toBeUndefined();
  });

  it('always trusts the signing key, beside the retired ones in AUDIT_SEAL_PUBLIC_KEY', () => {
    const retired = ed25519().publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const current = ed25519().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keys = loadSealKeys({
      NODE_ENV: 'production',
      AUDIT_SEAL_PRIVATE_KEY: current,
      AUDIT_SEAL_PUBLIC_KEY: retired,
    });
    expect(keys.trusted.size).toBe(2);
    expect(keys.trusted.has(keys.signing!.keyId)).toBe(true);
    expect(keys.primary.keyId).toBe(keys.signing?.keyId);
  });
});
