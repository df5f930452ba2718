import { generateKeyPairSync } from 'node:crypto';
import { loadSealKeys, publicKeysFromPem, SealKeys } from '../keys/seal-keys';
import { SEAL_VECTOR, testSealKeys } from '../testing/known-answers';
import {
  sealBodyText,
  sealLinkProblem,
  sealSignatureProblem,
  signSeal,
  UnsignedSeal,
} from './seal-signing';
import { Seal } from './seal.types';

const unsigned = (over: Partial<UnsignedSeal> = {}): UnsignedSeal => ({
  sealId: 1,
  previousSealId: null,
  previousMerkleRoot: null,
  upTo: { transactionId: '1234', position: 10 },
  eventCount: 10,
  segmentCount: 10,
  merkleRoot: 'ab'.repeat(32),
  sealedAt: '2025-06-01T09:00:00.000Z',
  ...over,
});

describe('seal signing', () => {
  const keys = loadSealKeys({ NODE_ENV: 'test' });

  it('signs the canonical body with Ed25519 and names the key', () => {
    const seal = signSeal(unsigned(), keys);
    expect(seal.keyId).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(Buffer.from(seal.signature, 'base64')).toHaveLength(64);
    expect(sealBodyText(seal)).toBe(
      '{"eventCount":10,"format":"liaison-seal/v1","keyId":"' +
        seal.keyId +
        '","merkleRoot":"' +
        'ab'.repeat(32) +
        '","previousMerkleRoot":null,"previousSealId":null,"sealId":1,"sealedAt":"2025-06-01T09:00:00.000Z","segmentCount":10,"upTo":{"position":10,"transactionId":"1234"}}',
    );
    expect(sealSignatureProblem(seal, keys)).toBeUndefined();
  });

  it.each<[string, Partial<Seal>]>([
    ['root', { merkleRoot: 'cd'.repeat(32) }],
    ['count', { eventCount: 9 }],
    ['checkpoint', { upTo: { transactionId: '1234', position: 11 } }],
    ['time', { sealedAt: '2025-06-01T09:00:00.001Z' }],
    ['previous link', { previousSealId: 7 }],
  ])('no longer verifies when its %s changes', (_what, change) => {
    const seal = { ...signSeal(unsigned(), keys), ...change };
    expect(sealSignatureProblem(seal, keys)).toBe(
      'seal #1: signature invalid (the seal was altered)',
    );
  });

  it('is not trusted by a verifier holding another key', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const other: SealKeys = loadSealKeys({
      AUDIT_SEAL_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    const seal = signSeal(unsigned(), keys);
    expect(sealSignatureProblem(seal, other)).toMatch(
      /signed with key ed25519:[0-9a-f]{16}, which is not trusted/,
    );
  });

  it('refuses to sign without a signing key', () => {
    const verifyOnly = loadSealKeys({
      NODE_ENV: 'production',
      AUDIT_SEAL_PUBLIC_KEY: keys.primary.pem,
    });
    expect(verifyOnly.signing).toBeUndefined();
    expect(() => signSeal(unsigned(), verifyOnly)).toThrow('AUDIT_SEAL_PRIVATE_KEY');
    expect(sealSignatureProblem(signSeal(unsigned(), keys), verifyOnly)).toBeUndefined();
  });

  it('checks that seals chain: ids, previous root and counts', () => {
    const first = signSeal(unsigned(), keys);
    const second = signSeal(
      unsigned({
        sealId: 2,
        previousSealId: 1,
        previousMerkleRoot: first.merkleRoot,
        eventCount: 15,
        segmentCount: 5,
      }),
      keys,
    );
    expect(sealLinkProblem(first, undefined)).toBeUndefined();
    expect(sealLinkProblem(second, first)).toBeUndefined();
    expect(sealLinkProblem(second, undefined)).toMatch(/seals missing/);
    expect(sealLinkProblem({ ...second, previousMerkleRoot: '00' }, first)).toMatch(
      /previous root/,
    );
    expect(sealLinkProblem({ ...second, eventCount: 16 }, first)).toMatch(/counts 16 events/);
  });

  it('gives the known answer: body, key id and Ed25519 signature (deterministic)', () => {
    const seal = signSeal(SEAL_VECTOR.unsigned, testSealKeys());
    expect(seal.keyId).toBe(SEAL_VECTOR.keyId);
    expect(sealBodyText(seal)).toBe(SEAL_VECTOR.body);
    expect(seal.signature).toBe(SEAL_VECTOR.signature);
    const verifier = publicKeysFromPem(SEAL_VECTOR.publicKeyPem, 'the known answer');
    expect(verifier.primary.keyId).toBe(SEAL_VECTOR.keyId);
    expect(sealSignatureProblem(seal, verifier)).toBeUndefined();
  });
});
