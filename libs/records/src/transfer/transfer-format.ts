/** A transfer package (이관) for the records office: one folder, verifiable with no database. */
export const TRANSFER_FORMAT = 'liaison-records-transfer/v1';

export const TRANSFER_FILES = {
  manifest: 'manifest.json',
  /** The whole log up to the transfer, in the audit's export format, with its seals: what
   * proves the record's events are the ones the seals signed (the existing offline verifier,
   * `npm run audit -- verify-file`, checks it). Other records' lines are elided: position,
   * stream, version and hash only. */
  log: 'audit-export.ndjson',
  /** The record's own events (its subject's stream and its record stream), lines copied from
   * the log export. */
  recordEvents: 'record/events.ndjson',
  publicKeys: 'seal-public-keys.pem',
  filesDir: 'files',
} as const;

export interface TransferManifest {
  format: typeof TRANSFER_FORMAT;
  recordId: string;
  createdAt: string;
  /** The streams whose events are in record/events.ndjson. */
  streams: string[];
  /** Every other file of the package with its SHA-256 (lower-case hex) and size. */
  files: { path: string; sha256: string; size: number }[];
}
