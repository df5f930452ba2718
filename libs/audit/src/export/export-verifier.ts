import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import { chainHash, eventBodyText } from '@liaison/event-store/event-hash';
import { isTombstone, RECORD_DISPOSED } from '../disposal/disposed-events';
import { LeafHasher } from '../hashing/event-leaf';
import { FastCanonicalJson } from '../hashing/fast-canonical-json';
import { MerkleFrontier } from '../hashing/merkle-tree';
import { publicKeysFromPem, SealKeys } from '../keys/seal-keys';
import { headerKeysPem, sealsPerKey } from '../keys/seal-signers';
import { sealLinkProblem, sealSignatureProblem } from '../seals/seal-signing';
import { Seal } from '../seals/seal.types';
import { AuditEvent } from './audit-event';
import { EXPORT_FORMAT, ExportHeader } from './export-format';

export interface FileProblem {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  position?: number;
  streamId?: string;
  version?: number;
  problem: string;
}

export interface FileVerifyReport {
  ok: boolean;
  events: number;
  streams: number;
  seals: number;
  /** Events after the last seal in the file (checked by their chains only). */
  unsealed: number;
  broken: number;
  /** Disposed events (tombstones named by a RecordDisposed line): not broken. */
  disposed?: number;
  /** Lines that carry only what the seals commit to (position, stream, version, hash), not
   * the event: a records transfer package leaves out other records' content so. Their chains
   * are not recomputed; the seals still cover them. */
  elided?: number;
  firstBroken?: FileProblem;
  keyId?: string;
  /** Seals per signing key id (a rotated log has several). */
  sealsByKey?: Record<string, number>;
}

export interface FileVerifyOptions {
  /** Trust these keys (PEM, one or more blocks) instead of those the file's header carries. */
  publicKeyPem?: string;
  onProgress?: (events: number) => void;
}

const HASH_MISMATCH = 'hash mismatch: data or metadata changed';
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Checks an NDJSON export with no database: every stream's hash chain, every seal's signature
 * and link, and every seal's Merkle root over the lines before it. Reads line by line.
 */
export async function verifyExportFile(
  path: string,
  options: FileVerifyOptions = {},
): Promise<FileVerifyReport> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  const check = new ExportCheck(options);
  for await (const line of lines) check.line(line);
  return check.finish();
}

/** The verification state, fed one line at a time (also usable on an in-memory export). */
export class ExportCheck {
  private lineNo = 0;
  private header?: ExportHeader;
  private keys?: SealKeys;
  private readonly streams = new Map<string, { version: number; hash: string }>();
  private readonly canonical = new FastCanonicalJson();
  private readonly leaves = new LeafHasher();
  private readonly tree = new MerkleFrontier();
  private seals: Seal[] = [];
  private nextSeal = 0;
  private sealsBroken = false;
  private broken = 0;
  private first?: FileProblem;
  /** Tombstoned lines whose hash cannot be recomputed: each must be named by a RecordDisposed
   * line (which comes later in the log), with the same hash, by the end of the file. */
  private readonly tombstones = new Map<number, { hash: string; line: number; e: AuditEvent }>();
  private readonly declared = new Map<number, string>();
  private disposedEvents = 0;
  private elided = 0;

  constructor(private readonly options: FileVerifyOptions = {}) {}

  line(text: string): void {
    this.lineNo++;
    if (this.lineNo === 1) return this.readHeader(text);
    if (text.trim() === '') return;
    if (!this.header) return;
    let e: AuditEvent;
    try {
      e = JSON.parse(text) as AuditEvent;
    } catch {
      return this.problem({ problem: 'not valid JSON' });
    }
    this.event(e);
    if (this.tree.count % 10_000 === 0) this.options.onProgress?.(this.tree.count);
  }

  finish(): FileVerifyReport {
    for (const [position, t] of this.tombstones) {
      if (this.declared.get(position) === t.hash) {
        this.disposedEvents++;
        continue;
      }
      this.problem({
        line: t.line,
        position,
        streamId: t.e.streamId,
        version: t.e.version,
        problem: 'hash mismatch: data or metadata changed (a tombstone no RecordDisposed names)',
      });
    }
    if (!this.header && this.broken === 0) {
      this.problem({ line: 1, problem: 'no export header (an empty file, or not an export)' });
    }
    if (this.header) {
      if (this.tree.count !== this.header.range.events) {
        this.problem({
          line: this.lineNo,
          problem: `the file holds ${this.tree.count} events, its header says ${this.header.range.events} (lines cut off or added)`,
        });
      }
      for (; this.nextSeal < this.seals.length && !this.sealsBroken; this.nextSeal++) {
        const seal = this.seals[this.nextSeal];
        this.problem({
          line: this.lineNo,
          position: seal.upTo.position,
          problem: `seal #${seal.sealId} covers ${seal.eventCount} events; the file ends after ${this.tree.count}`,
        });
        this.sealsBroken = true;
      }
    }
    const last = this.seals[this.seals.length - 1];
    return {
      ok: this.broken === 0,
      events: this.tree.count,
      streams: this.streams.size,
      seals: this.seals.length,
      unsealed: Math.max(0, this.tree.count - (last?.eventCount ?? 0)),
      broken: this.broken,
      ...(this.disposedEvents > 0 ? { disposed: this.disposedEvents } : {}),
      ...(this.elided > 0 ? { elided: this.elided } : {}),
      ...(this.first ? { firstBroken: this.first } : {}),
      ...(this.keys ? { keyId: this.keys.primary.keyId } : {}),
      ...(this.seals.length > 0 ? { sealsByKey: sealsPerKey(this.seals) } : {}),
    };
  }

  private readHeader(text: string): void {
    let header: ExportHeader;
    try {
      header = JSON.parse(text) as ExportHeader;
    } catch {
      return this.problem({ problem: 'the header is not valid JSON' });
    }
    if (header.format !== EXPORT_FORMAT || !Array.isArray(header.seals) || !header.range) {
      return this.problem({ problem: `the header is not a ${EXPORT_FORMAT} header` });
    }
    this.header = header;
    try {
      this.keys = publicKeysFromPem(
        this.options.publicKeyPem ?? headerKeysPem(header),
        'the public key',
      );
    } catch (err) {
      return this.problem({ problem: (err as Error).message });
    }
    this.seals = header.seals;
    header.seals.forEach((seal, i) => {
      const problem =
        sealSignatureProblem(seal, this.keys as SealKeys) ??
        sealLinkProblem(seal, header.seals[i - 1]);
      if (problem) {
        this.problem({ position: seal.upTo?.position, problem });
        this.sealsBroken = true;
      }
    });
  }

  private event(e: AuditEvent): void {
    const where = { position: e.position, streamId: e.streamId, version: e.version };
    if (e.type === RECORD_DISPOSED && Array.isArray(e.data?.events)) {
      for (const ref of e.data.events as { position?: unknown; hash?: unknown }[]) {
        this.declared.set(Number(ref.position), String(ref.hash));
      }
    }
    const problem = e.elided === true ? this.elidedProblem(e) : this.chainProblem(e);
    if (problem === HASH_MISMATCH && isTombstone(e.data)) {
      this.tombstones.set(Number(e.position), { hash: String(e.hash), line: this.lineNo, e });
    } else if (problem) this.problem({ ...where, problem });

    let hash: Buffer = Buffer.from(typeof e.hash === 'string' ? e.hash : '', 'hex');
    if (hash.length !== 32) hash = createHash('sha256').update(String(e.hash)).digest();
    this.tree.append(
      this.leaves.hash({
        position: Number(e.position),
        streamId: String(e.streamId),
        version: Number(e.version),
        hash,
      }),
    );
    this.checkSealBoundary(e);
  }

  /** An elided line: its place in its stream is checked, its hash is taken as it is. */
  private elidedProblem(e: AuditEvent): string | undefined {
    if (
      typeof e.streamId !== 'string' ||
      !Number.isInteger(e.version) ||
      typeof e.hash !== 'string'
    ) {
      return 'not an audit event line (streamId, version, hash)';
    }
    this.elided++;
    const stream = this.streams.get(e.streamId) ?? { version: 0, hash: '' };
    this.streams.set(e.streamId, { version: e.version, hash: e.hash });
    return e.version === stream.version + 1
      ? undefined
      : `version gap: ${e.version} follows ${stream.version}`;
  }

  private chainProblem(e: AuditEvent): string | undefined {
    if (
      typeof e.streamId !== 'string' ||
      !Number.isInteger(e.version) ||
      typeof e.hash !== 'string'
    ) {
      return 'not an audit event line (streamId, version, hash)';
    }
    const stream = this.streams.get(e.streamId) ?? { version: 0, hash: '' };
    this.streams.set(e.streamId, { version: e.version, hash: e.hash });
    if (e.version !== stream.version + 1) {
      return stream.version === 0
        ? `version gap: stream starts at ${e.version}`
        : `version gap: ${e.version} follows ${stream.version}`;
    }
    if (typeof e.recordedAt !== 'string' || !ISO_MS.test(e.recordedAt)) {
      return `recordedAt "${e.recordedAt}" is not a time the store writes`;
    }
    let body: string;
    try {
      body = eventBodyText({
        streamId: e.streamId,
        eventId: e.eventId,
        type: e.type,
        schemaVersion: e.schemaVersion,
        dataJson: this.canonical.write(e.type, e.data),
        metadataJson: this.canonical.write('\u0000metadata', e.metadata),
        recordedAtIso: e.recordedAt,
      });
    } catch (err) {
      return `data or metadata cannot be canonical JSON: ${(err as Error).message}`;
    }
    return chainHash(stream.hash, body) === e.hash ? undefined : HASH_MISMATCH;
  }

  /** At the line a seal ends on (by count), its root and checkpoint must match. */
  private checkSealBoundary(e: AuditEvent): void {
    const seal = this.seals[this.nextSeal];
    if (!seal || this.tree.count !== seal.eventCount) return;
    this.nextSeal++;
    if (this.sealsBroken) return;
    if (this.tree.root().toString('hex') !== seal.merkleRoot) {
      this.sealsBroken = true; // later seals would only repeat this break
      return this.problem({
        position: e.position,
        problem: `seal #${seal.sealId}: Merkle root over the first ${seal.eventCount} events differs (a line before here was changed, removed, added or moved)`,
      });
    }
    if (e.position !== seal.upTo.position) {
      this.sealsBroken = true;
      this.problem({
        position: e.position,
        problem: `seal #${seal.sealId} ends at position ${seal.upTo.position}, this line is ${e.position}`,
      });
    }
  }

  private problem(p: Omit<FileProblem, 'line'> & { line?: number }): void {
    this.broken++;
    if (!this.first) this.first = { line: this.lineNo, ...p };
  }
}
