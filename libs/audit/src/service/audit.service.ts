import { Writable } from 'node:stream';
import { Checkpoint, EventFilter, EventStore, START, StoredEvent } from '@liaison/event-store';
import { ClientConfig, Pool } from 'pg';
import { AccessLog, AccessPage, AccessQuery, Accessor } from '../access-log/access-log';
import { AsOfOptions, Fold, readStateAsOf, streamAsOf } from '../as-of/as-of';
import { AuditEvent, toAuditEvent } from '../export/audit-event';
import { ExportOptions, Exporter } from '../export/exporter';
import { loadSealKeys, SealKeys } from '../keys/seal-keys';
import { encodeCursor } from '../replay/cursor';
import { Sealer, SealOptions } from '../seals/sealer';
import { Seal } from '../seals/seal.types';
import { AuditVerifier, VerifyOptions, VerifyReport } from '../verify/audit-verifier';

/** A stream as it stood: what the audit's as-of routes answer, besides the stream and time. */
export interface StateAsOf<S> {
  /** The last version folded; 0 when there was none. */
  version: number;
  state: S;
  /** The events folded, as stored. */
  events: AuditEvent[];
}

export interface EventsPage {
  events: AuditEvent[];
  /** Cursor to continue after the last event ("<transactionId>:<position>"). */
  next: string;
  checkpoint: Checkpoint;
}

/**
 * What the audit routes and the CLI call: each read is recorded in the access log first (so
 * a read that fails is on record too), then served by the piece that does the work.
 */
export class AuditService {
  readonly keys: SealKeys;
  private readonly accessLog: AccessLog;
  private readonly verifier: AuditVerifier;
  private readonly sealer: Sealer;
  private readonly exporter: Exporter;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    keys: SealKeys = loadSealKeys(),
    connection?: ClientConfig,
  ) {
    this.keys = keys;
    this.accessLog = new AccessLog(pool);
    this.verifier = new AuditVerifier(pool, keys, connection);
    this.sealer = new Sealer(pool, keys);
    this.exporter = new Exporter(pool, keys);
  }

  async verify(who: Accessor, options: VerifyOptions = {}): Promise<VerifyReport> {
    await this.accessLog.record(who, 'verify', 'log', { workers: options.workers ?? null });
    return this.verifier.verify(options);
  }

  async seal(who: Accessor, options: SealOptions = {}): Promise<Seal[]> {
    await this.accessLog.record(who, 'seal', 'log');
    return this.sealer.sealAll(options);
  }

  /**
   * The global history after a checkpoint, as stored (no upcasting), through an optional filter
   * (type, stream, actor, time), which the access log keeps with the read.
   */
  async events(
    who: Accessor,
    after: Checkpoint = START,
    limit = 100,
    filter: EventFilter = {},
  ): Promise<EventsPage> {
    const bounded = Math.min(Math.max(Math.trunc(limit), 1), 10_000);
    await this.accessLog.record(who, 'replay', filter.streamId ?? 'log', {
      after: encodeCursor(after),
      limit: bounded,
      ...(filter.type !== undefined && { type: filter.type }),
      ...(filter.actor !== undefined && { actor: filter.actor }),
      ...(filter.from !== undefined && { from: filter.from.toISOString() }),
      ...(filter.to !== undefined && { to: filter.to.toISOString() }),
    });
    const page = await this.store.readAll({ after, limit: bounded, raw: true, filter });
    return {
      events: page.events.map(toAuditEvent),
      next: encodeCursor(page.checkpoint),
      checkpoint: page.checkpoint,
    };
  }

  /** One stream's events, up to a time or a version. */
  async stream(who: Accessor, streamId: string, options: AsOfOptions = {}): Promise<AuditEvent[]> {
    await this.recordStreamRead(who, streamId, options);
    return (await streamAsOf(this.store, streamId, options)).map(toAuditEvent);
  }

  /**
   * A stream's state as it stood at a time or a version, folded with the domain's evolve (e.g. a
   * follow-up's), with the events that made it: one read, logged once as a stream read.
   */
  async asOf<S>(
    who: Accessor,
    streamId: string,
    options: AsOfOptions,
    fold: Fold<S>,
  ): Promise<StateAsOf<S>> {
    await this.recordStreamRead(who, streamId, options);
    const { version, state, events } = await readStateAsOf(this.store, streamId, options, fold);
    return { version, state, events: events.map(toAuditEvent) };
  }

  /** The same by time, for a caller that wants only the state. */
  async stateAsOf<S>(
    who: Accessor,
    streamId: string,
    asOf: Date,
    initialState: S,
    evolve: (state: S, event: StoredEvent) => S,
  ): Promise<{ state: S; version: number; asOf: string }> {
    const { state, version } = await this.asOf(who, streamId, { asOf }, { initialState, evolve });
    return { state, version, asOf: asOf.toISOString() };
  }

  /** The NDJSON export as chunks (for a streamed HTTP response). */
  async exportLines(who: Accessor, options: ExportOptions = {}): Promise<AsyncGenerator<string>> {
    await this.accessLog.record(who, 'export', 'log');
    return this.exporter.lines(options);
  }

  async exportTo(who: Accessor, out: Writable, options: ExportOptions = {}): Promise<number> {
    await this.accessLog.record(who, 'export', 'log');
    return this.exporter.writeTo(out, options);
  }

  async accessEntries(who: Accessor, query: AccessQuery = {}): Promise<AccessPage> {
    await this.accessLog.record(who, 'read_access_log', query.actor ?? null, {
      action: query.action ?? null,
      since: query.since?.toISOString() ?? null,
    });
    return this.accessLog.query(query);
  }

  private async recordStreamRead(who: Accessor, streamId: string, options: AsOfOptions) {
    await this.accessLog.record(who, options.asOf ? 'as_of' : 'read_stream', streamId, {
      asOf: options.asOf?.toISOString() ?? null,
      toVersion: options.toVersion ?? null,
    });
  }
}
