import { Checkpoint } from '@liaison/event-store';

/**
 * A signed statement: "the global log, read in EventStore.readAll order, holds `eventCount`
 * events up to `upTo`, and their Merkle root is `merkleRoot`". Seals chain: each names the seal
 * before it and that seal's root, and its tree extends that seal's tree.
 */
export interface Seal {
  sealId: number;
  previousSealId: number | null;
  previousMerkleRoot: string | null;
  /** The last event this seal covers, in the global read order. */
  upTo: Checkpoint;
  /** Events from the start of the log up to `upTo`: the size of the tree. */
  eventCount: number;
  /** Events this seal added after the previous one. */
  segmentCount: number;
  /** RFC 6962 root (hex) over the leaves of every event up to `upTo`, in global order. */
  merkleRoot: string;
  sealedAt: string;
  keyId: string;
  /** Ed25519 over sealBodyText(seal), base64. */
  signature: string;
}

export const SEAL_FORMAT = 'liaison-seal/v1';
