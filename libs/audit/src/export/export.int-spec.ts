import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { canonicalEventBody, chainHash, EventStore } from '@liaison/event-store';
import { loadSealKeys } from '../keys/seal-keys';
import { Sealer } from '../seals/sealer';
import { seedStreams, waitUntilAllReadable } from '../testing/seed';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { ExportHeader } from './export-format';
import { verifyExportFile } from './export-verifier';
import { Exporter } from './exporter';

describe('NDJSON export, verified offline', () => {
  const keys = loadSealKeys({ NODE_ENV: 'test' });
  const dir = mkdtempSync(join(tmpdir(), 'liaison-export-'));
  const file = join(dir, 'export.ndjson');
  let db: ThrowawayDatabase;
  let lines: string[];

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_audit');
    const store = new EventStore(db.pool);
    const streams = await seedStreams(store, 3, 5);
    await waitUntilAllReadable(db.pool);
    await new Sealer(db.pool, keys).sealAll();
    await store.append(streams[0], [
      {
        type: 'FollowUpSubmitted',
        data: { response: 'after the seal' },
        metadata: { actor: 'a', role: 'agency_officer', correlation_id: 'c' },
      },
    ]);
    await waitUntilAllReadable(db.pool);
    const { createWriteStream } = await import('node:fs');
    const out = createWriteStream(file);
    await new Exporter(db.pool, keys).writeTo(out, { pageSize: 4 });
    await new Promise((resolve) => out.end(resolve));
    lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  });
  afterAll(() => db.drop());

  const variant = (name: string, edit: (ls: string[]) => string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${edit([...lines]).join('\n')}\n`);
    return path;
  };

  it('writes a header, then one audit event per line in global order', () => {
    const header = JSON.parse(lines[0]) as ExportHeader;
    expect(header).toMatchObject({
      format: 'liaison-audit-export/v1',
      range: { from: 'start', events: 16 },
      keyId: keys.primary.keyId,
      publicKey: keys.primary.pem,
    });
    expect(header.seals.map((s) => s.eventCount)).toEqual([15]);
    expect(lines).toHaveLength(17);
    const event = JSON.parse(lines[1]);
    expect(Object.keys(event)).toEqual([
      'position',
      'streamId',
      'version',
      'eventId',
      'type',
      'schemaVersion',
      'data',
      'metadata',
      'recordedAt',
      'hash',
    ]);
    expect(event.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('passes offline: chains, seal signature and Merkle root', async () => {
    expect(await verifyExportFile(file)).toEqual({
      ok: true,
      events: 16,
      streams: 3,
      seals: 1,
      unsealed: 1,
      broken: 0,
      keyId: keys.primary.keyId,
      sealsByKey: { [keys.primary.keyId]: 1 },
    });
  });

  it('fails on one changed byte and names the line and event', async () => {
    const path = variant('one-byte.ndjson', (ls) => {
      ls[7] = ls[7].replace('step', 'stop');
      return ls;
    });
    const event = JSON.parse(lines[7]);
    const report = await verifyExportFile(path);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({
      line: 8,
      position: event.position,
      streamId: event.streamId,
      version: event.version,
      problem: 'hash mismatch: data or metadata changed',
    });
  });

  it('fails on a removed line and on a file cut short', async () => {
    const removed = await verifyExportFile(
      variant('removed.ndjson', (ls) => ls.filter((_, i) => i !== 2)),
    );
    expect(removed.ok).toBe(false);
    expect(removed.firstBroken?.problem).toMatch(/version gap|Merkle root/);
    const cut = await verifyExportFile(variant('cut.ndjson', (ls) => ls.slice(0, 10)));
    expect(cut.firstBroken?.problem).toMatch(/holds 9 events, its header says 16/);
  });

  it('fails when a stream is altered and re-hashed in the file: chains hold, the seal does not', async () => {
    const path = variant('rehashed.ndjson', (ls) => {
      const events = ls.slice(1).map((l) => JSON.parse(l));
      const streamId = events[0].streamId;
      let previous = '';
      for (const e of events.filter((x) => x.streamId === streamId)) {
        if (e.version === 2) e.data = { ...e.data, percent: 99 };
        e.hash = chainHash(
          previous,
          canonicalEventBody({ ...e, recordedAt: new Date(e.recordedAt) }),
        );
        previous = e.hash;
      }
      return [ls[0], ...events.map((e) => JSON.stringify(e))];
    });
    const report = await verifyExportFile(path);
    expect(report.ok).toBe(false);
    expect(report.broken).toBe(1);
    expect(report.firstBroken?.problem).toMatch(
      /^seal #1: Merkle root over the first 15 events differs/,
    );
  });

  it('checks seals against a key given on the command line, not only the header', async () => {
    const other = generateKeyPairSync('ed25519')
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const report = await verifyExportFile(file, { publicKeyPem: other });
    expect(report.firstBroken).toMatchObject({
      line: 1,
      problem: expect.stringMatching(/not trusted/),
    });
    expect((await verifyExportFile(file, { publicKeyPem: keys.primary.pem })).ok).toBe(true);
  });

  it('fails when the header seal is edited (signature)', async () => {
    const path = variant('seal.ndjson', (ls) => {
      const header = JSON.parse(ls[0]) as ExportHeader;
      header.seals[0].eventCount = 14;
      ls[0] = JSON.stringify(header);
      return ls;
    });
    expect((await verifyExportFile(path)).firstBroken?.problem).toBe(
      'seal #1: signature invalid (the seal was altered)',
    );
  });
});
