import { canonicalEventBody, chainHash, EventStore } from '@liaison/event-store';
import { loadSealKeys } from '../keys/seal-keys';
import { Sealer } from '../seals/sealer';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { seedStreams, waitUntilAllReadable } from '../testing/seed';
import { AuditVerifier } from './audit-verifier';

/**
 * Each tampering is done directly in SQL, as someone with database access would, on a database
 * of this test's own (never the shared test database), and verify must find and name it.
 */
describe('verify finds tampering done in SQL', () => {
  const keys = loadSealKeys({ NODE_ENV: 'test' });
  let db: ThrowawayDatabase;
  let streams: string[];
  let verifier: AuditVerifier;

  const q = (sql: string, params: unknown[] = []) => db.pool.query(sql, params);
  const event = async (streamId: string, version: number) => {
    const { rows } = await q(
      `SELECT position::int AS position FROM events WHERE stream_id = $1 AND version = $2`,
      [streamId, version],
    );
    return rows[0] as { position: number };
  };

  beforeEach(async () => {
    db = await createThrowawayDatabase('liaison_audit');
    const store = new EventStore(db.pool);
    streams = await seedStreams(store, 4, 4);
    await waitUntilAllReadable(db.pool);
    await new Sealer(db.pool, keys).sealAll();
    verifier = new AuditVerifier(db.pool, keys);
  });
  afterEach(() => db.drop());

  it('passes an intact, sealed log', async () => {
    const report = await verifier.verify({ workers: 2 });
    expect(report).toMatchObject({ ok: true, checked: 16 });
    expect(report.chains).toMatchObject({ ok: true, streams: 4, broken: 0 });
    expect(report.seals).toMatchObject({ ok: true, checked: 16, unsealed: 0 });
    expect(report.firstBroken).toBeUndefined();
  });

  it('finds one changed byte in data', async () => {
    const target = await event(streams[1], 2);
    await q(
      `UPDATE events SET data = jsonb_set(data, '{note}', to_jsonb(overlay(data->>'note' placing 'S' from 1 for 1)))
       WHERE position = $1`,
      [target.position],
    );
    const report = await verifier.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({
      check: 'chain',
      position: target.position,
      streamId: streams[1],
      version: 2,
    });
    expect(report.firstBroken?.problem).toMatch(/^hash mismatch: data or metadata changed/);
    expect(report.chains.broken).toBe(1);
    expect(report.seals.ok).toBe(true); // the stored hash is untouched: the chain is what catches it
  });

  it('finds one changed byte in metadata', async () => {
    const target = await event(streams[0], 1);
    await q(
      `UPDATE events SET metadata = jsonb_set(metadata, '{actor}', '"officer-9"') WHERE position = $1`,
      [target.position],
    );
    const report = await verifier.verify();
    expect(report.firstBroken).toMatchObject({ position: target.position, version: 1 });
    expect(report.firstBroken?.problem).toBe('hash mismatch: data or metadata changed');
  });

  it('finds a deleted event', async () => {
    const gone = await event(streams[2], 2);
    const after = await event(streams[2], 3);
    await q('DELETE FROM events WHERE position = $1', [gone.position]);
    const report = await verifier.verify();
    expect(report.chains.firstBroken).toMatchObject({
      position: after.position,
      streamId: streams[2],
      problem: 'version gap: 3 follows 1',
    });
    expect(report.seals.firstBroken).toMatchObject({
      position: gone.position,
      problem: expect.stringMatching(/^deleted: sealed in seal #\d+, now missing$/),
    });
    expect(report.firstBroken).toMatchObject({ check: 'seal', position: gone.position });
  });

  it('finds a deleted whole stream, which no chain can show', async () => {
    const first = await event(streams[3], 1);
    await q('DELETE FROM events WHERE stream_id = $1', [streams[3]]);
    const report = await verifier.verify();
    expect(report.chains.ok).toBe(true);
    expect(report.seals.firstBroken).toEqual({
      position: first.position,
      problem: expect.stringMatching(/^deleted: sealed in seal #\d+, now missing$/),
    });
    expect(report.ok).toBe(false);
  });

  it('finds two events swapped (version numbers)', async () => {
    const a = await event(streams[0], 1);
    await q(`UPDATE events SET version = 1000 WHERE stream_id = $1 AND version = 1`, [streams[0]]);
    await q(`UPDATE events SET version = 1 WHERE stream_id = $1 AND version = 2`, [streams[0]]);
    await q(`UPDATE events SET version = 2 WHERE stream_id = $1 AND version = 1000`, [streams[0]]);
    const report = await verifier.verify();
    expect(report.chains.firstBroken).toMatchObject({ position: a.position, version: 2 });
    expect(report.chains.firstBroken?.problem).toMatch(/events swapped or moved/);
    expect(report.seals.firstBroken).toMatchObject({ position: a.position, version: 2 });
    expect(report.seals.firstBroken?.problem).toMatch(/^changed since seal #\d+/);
  });

  it('finds two events swapped (contents)', async () => {
    const a = await event(streams[1], 2);
    const b = await event(streams[1], 3);
    await q(
      `UPDATE events e SET data = o.data FROM events o
       WHERE (e.position, o.position) IN (($1::bigint, $2::bigint), ($2::bigint, $1::bigint))`,
      [a.position, b.position],
    );
    const report = await verifier.verify();
    expect(report.chains.broken).toBe(2);
    expect(report.firstBroken).toMatchObject({ check: 'chain', position: a.position, version: 2 });
  });

  it('finds the last events cut off', async () => {
    const { rows } = await q(
      `SELECT position::int AS position FROM events ORDER BY transaction_id DESC, position DESC LIMIT 3`,
    );
    const cut = rows
      .map((r: { position: number }) => r.position)
      .sort((x: number, y: number) => x - y);
    await q('DELETE FROM events WHERE position = ANY($1)', [cut]);
    const report = await verifier.verify();
    expect(report.chains.ok).toBe(true); // each was the last of its stream
    expect(report.seals.firstBroken).toEqual({
      position: cut[0],
      problem: expect.stringMatching(/^deleted: sealed in seal #\d+, now missing$/),
    });
  });

  it('finds an altered event whose own hash was recomputed', async () => {
    const target = await event(streams[2], 2);
    await rehash(streams[2], 2, 2, (data) => ({ ...data, note: 'nothing to see here' }));
    const report = await verifier.verify();
    const next = await event(streams[2], 3);
    expect(report.chains.firstBroken).toMatchObject({ position: next.position, version: 3 });
    expect(report.chains.firstBroken?.problem).toMatch(/version 2 was altered and re-hashed/);
    expect(report.firstBroken).toMatchObject({
      check: 'seal',
      position: target.position,
      streamId: streams[2],
      version: 2,
    });
    expect(report.firstBroken?.problem).toMatch(/^changed since seal #\d+/);
  });

  it('finds an altered stream re-hashed to the end: the chain holds, the seal does not', async () => {
    const target = await event(streams[2], 2);
    await rehash(streams[2], 2, 4, (data) => ({ ...data, percent: 99 }));
    const report = await verifier.verify();
    expect(report.chains.ok).toBe(true);
    expect(report.firstBroken).toMatchObject({
      check: 'seal',
      position: target.position,
      version: 2,
    });
  });

  it('finds an altered event deleted and re-inserted with a hash of its own', async () => {
    const target = await event(streams[1], 4);
    const { rows } = await q(
      `DELETE FROM events WHERE position = $1
       RETURNING stream_id, version, event_id, type, schema_version, data, metadata, recorded_at`,
      [target.position],
    );
    const old = rows[0];
    const previous = await q(
      `SELECT encode(hash, 'hex') AS h FROM events WHERE stream_id = $1 AND version = 3`,
      [streams[1]],
    );
    const data = { ...old.data, note: 'rewritten' };
    const hash = chainHash(
      previous.rows[0].h,
      canonicalEventBody({
        streamId: old.stream_id,
        eventId: old.event_id,
        type: old.type,
        schemaVersion: old.schema_version,
        data,
        metadata: old.metadata,
        recordedAt: old.recorded_at,
      }),
    );
    await q(
      `INSERT INTO events (stream_id, version, event_id, type, schema_version, data, metadata, recorded_at, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, decode($9, 'hex'))`,
      [
        old.stream_id,
        4,
        old.event_id,
        old.type,
        old.schema_version,
        data,
        old.metadata,
        old.recorded_at,
        hash,
      ],
    );
    const report = await verifier.verify();
    expect(report.chains.ok).toBe(true);
    expect(report.firstBroken).toMatchObject({
      check: 'seal',
      position: target.position,
      problem: expect.stringMatching(/^deleted: sealed in seal #\d+, now missing$/),
    });
    expect(report.seals.unsealed).toBe(1); // the impostor, after the seal
  });

  it('finds a seal whose root was rewritten (its signature no longer holds)', async () => {
    await q('ALTER TABLE audit_seals DISABLE TRIGGER USER');
    await q(`UPDATE audit_seals SET merkle_root = repeat('0', 64) WHERE seal_id = 1`);
    const report = await verifier.verify();
    expect(report.seals.firstBroken?.problem).toBe(
      'seal #1: signature invalid (the seal was altered)',
    );
  });

  /** Rewrites versions from..to of a stream with new data and a recomputed, valid chain. */
  async function rehash(
    streamId: string,
    from: number,
    to: number,
    change: (data: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<void> {
    const { rows } = await q(
      `SELECT version, event_id, type, schema_version, data, metadata, recorded_at, encode(hash, 'hex') AS hash
       FROM events WHERE stream_id = $1 ORDER BY version`,
      [streamId],
    );
    let previous = rows[from - 2]?.hash ?? '';
    for (const r of rows.slice(from - 1, to)) {
      const data = r.version === from ? change(r.data) : r.data;
      const hash = chainHash(
        previous,
        canonicalEventBody({
          streamId,
          eventId: r.event_id,
          type: r.type,
          schemaVersion: r.schema_version,
          data,
          metadata: r.metadata,
          recordedAt: r.recorded_at,
        }),
      );
      await q(
        `UPDATE events SET data = $1, hash = decode($2, 'hex') WHERE stream_id = $3 AND version = $4`,
        [data, hash, streamId, r.version],
      );
      previous = hash;
    }
  }
});
