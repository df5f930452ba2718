import { Checkpoint } from '@liaison/event-store';
import { SealSigner } from '../keys/seal-signers';
import { Seal } from '../seals/seal.types';

export const EXPORT_FORMAT = 'liaison-audit-export/v1';

/**
 * The first line of an export. Events follow, one AuditEvent per line, in the global read
 * order from the start of the log up to `range.upTo`: the order the seals' Merkle trees are
 * built in, so the file alone is enough to check them.
 */
export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  range: { from: 'start'; upTo: Checkpoint | null; events: number };
  /** SPKI PEM of the key the seals are signed with (a verifier may insist on its own copy). */
  publicKey: string;
  keyId: string;
  /** Every seal within the range, oldest first. */
  seals: Seal[];
  /** Which key signed which seals, with each public key the exporter holds (key rotation). */
  signers?: SealSigner[];
  /** How a verifier rebuilds the seals' trees from the lines. */
  merkle: string;
}

export const MERKLE_DESCRIPTION =
  'RFC 6962 tree over leaves H(0x00 || position u64be || version u32be || hash length u8 || ' +
  'hash bytes || streamId utf8), one per event line in file order; a seal with eventCount n ' +
  'signs the root over the first n lines; signature Ed25519 over canonical JSON of the seal ' +
  'without "signature", plus "format": "liaison-seal/v1"';
