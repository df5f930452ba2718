import { sign, verify } from 'node:crypto';
import { canonicalJson } from '@liaison/event-store/canonical-json';
import { SealKeys } from '../keys/seal-keys';
import { Seal, SEAL_FORMAT } from './seal.types';

export type UnsignedSeal = Omit<Seal, 'signature' | 'keyId'>;

/** The exact bytes a seal's signature covers: canonical JSON of every field but the signature. */
export function sealBodyText(seal: Omit<Seal, 'signature'>): string {
  return canonicalJson({
    format: SEAL_FORMAT,
    sealId: seal.sealId,
    previousSealId: seal.previousSealId,
    previousMerkleRoot: seal.previousMerkleRoot,
    upTo: { transactionId: seal.upTo.transactionId, position: seal.upTo.position },
    eventCount: seal.eventCount,
    segmentCount: seal.segmentCount,
    merkleRoot: seal.merkleRoot,
    sealedAt: seal.sealedAt,
    keyId: seal.keyId,
  });
}

export function signSeal(unsigned: UnsignedSeal, keys: SealKeys): Seal {
  if (!keys.signing) {
    throw new Error('Cannot seal: no signing key (set AUDIT_SEAL_PRIVATE_KEY)');
  }
  const body = { ...unsigned, keyId: keys.signing.keyId };
  const signature = sign(null, Buffer.from(sealBodyText(body), 'utf8'), keys.signing.key);
  return { ...body, signature: signature.toString('base64') };
}

/** Why a seal's signature does not hold, or undefined when it does. */
export function sealSignatureProblem(seal: Seal, keys: SealKeys): string | undefined {
  const key = keys.trusted.get(seal.keyId);
  if (!key) return `seal #${seal.sealId} is signed with key ${seal.keyId}, which is not trusted`;
  const valid = verify(
    null,
    Buffer.from(sealBodyText(seal), 'utf8'),
    key.key,
    Buffer.from(seal.signature, 'base64'),
  );
  return valid ? undefined : `seal #${seal.sealId}: signature invalid (the seal was altered)`;
}

/** Why a seal does not follow the one before it, or undefined when it does. */
export function sealLinkProblem(seal: Seal, previous: Seal | undefined): string | undefined {
  if (!previous) {
    if (seal.sealId !== 1 || seal.previousSealId !== null || seal.previousMerkleRoot !== null) {
      return `seal #${seal.sealId} is the first seal found, but names seal #${seal.previousSealId} before it (seals missing)`;
    }
    return seal.eventCount === seal.segmentCount
      ? undefined
      : `seal #1 counts ${seal.eventCount} events but adds ${seal.segmentCount}`;
  }
  if (seal.sealId !== previous.sealId + 1 || seal.previousSealId !== previous.sealId) {
    return `seal #${seal.sealId} follows seal #${previous.sealId} but names #${seal.previousSealId} (seals missing)`;
  }
  if (seal.previousMerkleRoot !== previous.merkleRoot) {
    return `seal #${seal.sealId} names a previous root that is not seal #${previous.sealId}'s`;
  }
  if (seal.eventCount !== previous.eventCount + seal.segmentCount) {
    return `seal #${seal.sealId} counts ${seal.eventCount} events, but #${previous.sealId} had ${previous.eventCount} and #${seal.sealId} adds ${seal.segmentCount}`;
  }
  return undefined;
}
