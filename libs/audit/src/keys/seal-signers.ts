import { Seal } from '../seals/seal.types';
import { SealKeys } from './seal-keys';

/** Which key signed which seals: what an export's header says, so rotated keys stay provable. */
export interface SealSigner {
  keyId: string;
  /** SPKI PEM, or null when the exporting deployment does not hold this key (then a verifier
   * must be handed it, or those seals do not verify). */
  publicKey: string | null;
  /** How many seals, and the first and last of them (seals of one key run consecutively
   * unless a key was brought back). */
  seals: number;
  firstSealId: number;
  lastSealId: number;
}

/** The signers of `seals`, oldest key first. */
export function signersOf(seals: readonly Seal[], keys: SealKeys): SealSigner[] {
  const byKey = new Map<string, SealSigner>();
  for (const seal of seals) {
    const known = byKey.get(seal.keyId);
    if (known) {
      known.seals++;
      known.lastSealId = seal.sealId;
      continue;
    }
    byKey.set(seal.keyId, {
      keyId: seal.keyId,
      publicKey: keys.trusted.get(seal.keyId)?.pem ?? null,
      seals: 1,
      firstSealId: seal.sealId,
      lastSealId: seal.sealId,
    });
  }
  return [...byKey.values()];
}

/** The public keys an export's header carries (its primary key and every signer's it holds),
 * as PEM blocks: what the file vouches for when the verifier brings no keys of its own. */
export function headerKeysPem(header: { publicKey: string; signers?: SealSigner[] }): string {
  const pems = [header.publicKey, ...(header.signers ?? []).map((s) => s.publicKey)];
  return [...new Set(pems.filter((p): p is string => typeof p === 'string'))].join('');
}

/** Seals per key id, for a verifier's report. */
export function sealsPerKey(seals: readonly Seal[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of seals) out[s.keyId] = (out[s.keyId] ?? 0) + 1;
  return out;
}
