import { createPrivateKey, createPublicKey } from 'node:crypto';
import { CHAIN_VECTORS } from '../../../event-store/src/testing/known-answers';
import { LeafFields } from '../hashing/event-leaf';
import { describe as describeKey, SealKeys } from '../keys/seal-keys';
import { UnsignedSeal } from '../seals/seal-signing';

/**
 * Known answers for what a seal commits to: the leaves of three events (the chain vectors' two,
 * then one of another stream), the Merkle roots over the first n of them, and a seal over all
 * three signed with a fixed key. The README's "For outside verifiers" lists the same; specs on
 * every path hold them fixed (a format change would break every older export).
 */
export const LEAF_VECTORS: { fields: LeafFields; leaf: string }[] = [
  {
    fields: { position: 1, streamId: 'follow-up-1', version: 1, hash: hex(CHAIN_VECTORS[0].hash) },
    leaf: 'cbd627e2efd47353843a8d6dea912f1e22e0d94d1d2d95b5a33770bb55efe2cd',
  },
  {
    fields: { position: 2, streamId: 'follow-up-1', version: 2, hash: hex(CHAIN_VECTORS[1].hash) },
    leaf: 'b19f114ae4d9afe8092c5265462720e04719ad7911249a96acf04d8f6bac66da',
  },
  {
    fields: { position: 3, streamId: '워크숍-7', version: 1, hash: hex('ab'.repeat(32)) },
    leaf: 'cd82e263269537487e3040661355a2c47c624f96795bc58a0319d6715c5280b8',
  },
];

/** Roots over the first n leaves, n = 0 (SHA-256 of nothing), 1, 2, 3. */
export const MERKLE_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'cbd627e2efd47353843a8d6dea912f1e22e0d94d1d2d95b5a33770bb55efe2cd',
  '7aba1c634b66da20db7adb0b6e7a79ef6a5365de2fc77e146645e0143e1b7625',
  'a481d846e8315f60c8680612101ef8c2fa0874508f59040216470192f228e43e',
];

/** RFC 8032 §7.1 test 1's Ed25519 key: public, so never a real deployment's. */
const TEST_KEY_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const PKCS8_ED25519_PREFIX = '302e020100300506032b657004220420';

export function testSealKeys(): SealKeys {
  const key = createPrivateKey({
    key: hex(PKCS8_ED25519_PREFIX + TEST_KEY_SEED),
    format: 'der',
    type: 'pkcs8',
  });
  const described = describeKey(createPublicKey(key));
  return {
    signing: { keyId: described.keyId, key },
    trusted: new Map([[described.keyId, described]]),
    primary: described,
    development: false,
  };
}

export const SEAL_VECTOR = {
  unsigned: {
    sealId: 1,
    previousSealId: null,
    previousMerkleRoot: null,
    upTo: { transactionId: '7301', position: 3 },
    eventCount: 3,
    segmentCount: 3,
    merkleRoot: MERKLE_ROOTS[3],
    sealedAt: '2025-06-01T10:00:00.000Z',
  } satisfies UnsignedSeal,
  keyId: 'ed25519:06e3fd8fda29bb60',
  publicKeyPem:
    '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n',
  body:
    '{"eventCount":3,"format":"liaison-seal/v1","keyId":"ed25519:06e3fd8fda29bb60",' +
    '"merkleRoot":"a481d846e8315f60c8680612101ef8c2fa0874508f59040216470192f228e43e",' +
    '"previousMerkleRoot":null,"previousSealId":null,"sealId":1,' +
    '"sealedAt":"2025-06-01T10:00:00.000Z","segmentCount":3,' +
    '"upTo":{"position":3,"transactionId":"7301"}}',
  signature:
    'OFLWJN5NwkwzwPcJKzTYnUm8cZiUtNuR/g1DBqznq6SmkD9L1uvGgafum6WGgJdstax1CYI3k6n/AU5C9zTrDw==',
};

function hex(text: string): Buffer {
  return Buffer.from(text, 'hex');
}
