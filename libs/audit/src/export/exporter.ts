import { once } from 'node:events';
import { Writable } from 'node:stream';
import { Checkpoint, START } from '@liaison/event-store';
import { Pool, PoolClient } from 'pg';
import { Col } from '../chains/chain-rows';
import { SealKeys } from '../keys/seal-keys';
import { signersOf } from '../keys/seal-signers';
import { keysetPages, RawRow } from '../reading/keyset-pages';
import { pgTimestampToIso } from '../reading/pg-timestamp';
import { beginSnapshot } from '../reading/read-snapshot';
import { compareCheckpoints } from '../seals/global-order';
import { SealStore } from '../seals/seal-store';
import { EXPORT_FORMAT, ExportHeader, MERKLE_DESCRIPTION } from './export-format';

const TX = 10; // transaction_id comes after the chain columns

const EXPORT_PAGE_SQL = `SELECT position, stream_id, version, event_id, type, schema_version,
    data, metadata, recorded_at, hash, transaction_id
  FROM events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
    AND (transaction_id, position) <= ($3::xid8, $4::bigint)
  ORDER BY transaction_id, position
  LIMIT $5`;

const END_SQL = `SELECT transaction_id::text AS tx, position::text AS pos,
    (SELECT count(*) FROM events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())) AS n
  FROM events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY transaction_id DESC, position DESC LIMIT 1`;

export interface ExportOptions {
  pageSize?: number;
  onProgress?: (exported: number, total: number) => void;
}

/**
 * NDJSON export of the whole log, streamed page by page from one snapshot: a header line
 * (range, public key, seals), then one audit event per line in the global read order. Data and
 * metadata are copied as Postgres prints them (valid JSON, never re-parsed), so nothing is
 * buffered beyond a page.
 */
export class Exporter {
  constructor(
    private readonly pool: Pool,
    private readonly keys: SealKeys,
  ) {}

  async *lines(options: ExportOptions = {}): AsyncGenerator<string> {
    const client = await this.pool.connect();
    try {
      await beginSnapshot(client);
      const { header, upTo } = await this.header(client);
      yield `${JSON.stringify(header)}\n`;
      if (upTo) {
        let exported = 0;
        const pages = keysetPages(client, {
          sql: EXPORT_PAGE_SQL,
          start: [START.transactionId, START.position, upTo.transactionId, upTo.position],
          keyOf: (row) => [row[TX], row[Col.Position], upTo.transactionId, upTo.position],
          pageSize: options.pageSize ?? 10_000,
        });
        for await (const rows of pages) {
          let chunk = '';
          for (const row of rows) chunk += exportLine(row);
          exported += rows.length;
          options.onProgress?.(exported, header.range.events);
          yield chunk;
        }
      }
      await client.query('COMMIT');
    } finally {
      await client.query('ROLLBACK').catch(() => {}); // no-op after COMMIT; ends an abandoned read
      client.release();
    }
  }

  /** Writes the export to a stream, waiting whenever the stream asks to (backpressure). */
  async writeTo(out: Writable, options: ExportOptions = {}): Promise<number> {
    let bytes = 0;
    for await (const chunk of this.lines(options)) {
      bytes += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    return bytes;
  }

  private async header(
    client: PoolClient,
  ): Promise<{ header: ExportHeader; upTo: Checkpoint | null }> {
    const end = await client.query<{ tx: string; pos: string; n: string }>(END_SQL);
    const upTo = end.rows[0]
      ? { transactionId: end.rows[0].tx, position: Number(end.rows[0].pos) }
      : null;
    const seals = (await new SealStore(client).all(client))
      .map((s) => s.seal)
      .filter((s) => upTo && compareCheckpoints(s.upTo, upTo) <= 0);
    const header: ExportHeader = {
      format: EXPORT_FORMAT,
      exportedAt: new Date().toISOString(),
      range: { from: 'start', upTo, events: Number(end.rows[0]?.n ?? 0) },
      publicKey: this.keys.primary.pem,
      keyId: this.keys.primary.keyId,
      seals,
      signers: signersOf(seals, this.keys),
      merkle: MERKLE_DESCRIPTION,
    };
    return { header, upTo };
  }
}

/** One audit event as a line: built from the raw text, data and metadata copied verbatim. */
function exportLine(row: RawRow): string {
  return (
    `{"position":${row[Col.Position]},"streamId":${JSON.stringify(row[Col.StreamId])}` +
    `,"version":${row[Col.Version]},"eventId":"${row[Col.EventId]}"` +
    `,"type":${JSON.stringify(row[Col.Type])},"schemaVersion":${row[Col.SchemaVersion]}` +
    `,"data":${row[Col.Data]},"metadata":${row[Col.Metadata]}` +
    `,"recordedAt":"${isoOf(row[Col.RecordedAt])}","hash":"${row[Col.Hash].slice(2)}"}\n`
  );
}

/** Postgres UTC text → ISO; a value the store cannot have written keeps every digit it has. */
function isoOf(pgText: string): string {
  const iso = pgTimestampToIso(pgText);
  return typeof iso === 'string' ? iso : `${pgText.slice(0, 10)}T${pgText.slice(11, -3)}Z`;
}
