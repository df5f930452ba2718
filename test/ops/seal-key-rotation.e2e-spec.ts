/**
 * Rotating the seal key loses no proof. A log sealed with key A, then (after the rotation:
 * AUDIT_SEAL_PRIVATE_KEY = B, AUDIT_SEAL_PUBLIC_KEY = A's public key) with key B: every seal names
 * its key, the database's verification holds across the change, the export says which key
 * signed which seals, and the export verifies offline — from its own header, and with both
 * public keys handed to `npm run audit -- verify-file` — but not with the new key alone.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import {
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import {
  AuditVerifier,
  describe as describeKey,
  Exporter,
  ExportHeader,
  loadSealKeys,
  Sealer,
  SealKeys,
  verifyExportFile,
} from '@liaison/audit';
import { EventStore } from '@liaison/event-store';
import { seedStreams, waitUntilAllReadable } from '../../libs/audit/src/testing/seed';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/throwaway-database';

const ROOT = join(__dirname, '../..');
const pemOf = (k: KeyObject, type: 'pkcs8' | 'spki') =>
  k.export({ type, format: 'pem' } as never).toString();

function auditCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'libs/audit/src/cli/audit.cli.ts', ...args],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test' }, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function sealKeyCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'libs/audit/src/keys/seal-key.cli.ts', ...args],
      { cwd: ROOT, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run seal-key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-seal-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a key pair the seal keys accept, the private half readable by its owner only', async () => {
    const made = await sealKeyCli(['new', '--out', dir]);
    expect(made.code).toBe(0);
    const { keyId, privateKey, publicKey } = JSON.parse(made.stdout) as Record<string, string>;
    expect(statSync(privateKey).mode & 0o777).toBe(0o600);
    const keys = loadSealKeys({
      NODE_ENV: 'production',
      AUDIT_SEAL_PRIVATE_KEY: readFileSync(privateKey, 'utf8'),
    });
    expect(keys.signing?.keyId).toBe(keyId);
    expect(keys.primary.pem).toBe(readFileSync(publicKey, 'utf8'));
    const id = await sealKeyCli(['id', privateKey]);
    expect(id.stdout.trim()).toBe(keyId);
  }, 30_000);
});

describe('seal key rotation', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'liaison-rotation-'));
  const a = generateKeyPairSync('ed25519');
  const b = generateKeyPairSync('ed25519');
  const idA = describeKey(a.publicKey).keyId;
  const idB = describeKey(b.publicKey).keyId;
  const before = loadSealKeys({
    NODE_ENV: 'production',
    AUDIT_SEAL_PRIVATE_KEY: pemOf(a.privateKey, 'pkcs8'),
  });
  // The rotation: the new private key signs; the old public key stays trusted.
  const after = loadSealKeys({
    NODE_ENV: 'production',
    AUDIT_SEAL_PRIVATE_KEY: pemOf(b.privateKey, 'pkcs8'),
    AUDIT_SEAL_PUBLIC_KEY: pemOf(a.publicKey, 'spki'),
  });
  const newKeyOnly = loadSealKeys({
    NODE_ENV: 'production',
    AUDIT_SEAL_PUBLIC_KEY: pemOf(b.publicKey, 'spki'),
  });
  let db: ThrowawayDatabase;
  const exportPath = join(tmp, 'history.ndjson');

  const sealWith = async (keys: SealKeys) => {
    await seedStreams(new EventStore(db.pool), 3, 2);
    await waitUntilAllReadable(db.pool);
    return new Sealer(db.pool, keys).sealAll();
  };

  beforeAll(async () => {
    db = await createThrowawayDatabase('ops_rotation', 4);
    await sealWith(before);
    await sealWith(before);
  }, 30_000);

  afterAll(async () => {
    await db?.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('trusts the old public key and signs with the new one after the rotation', () => {
    expect(after.signing?.keyId).toBe(idB);
    expect([...after.trusted.keys()].sort()).toEqual([idA, idB].sort());
  });

  it('goes on sealing after the rotation; each seal names its key and all of them verify', async () => {
    await sealWith(after);
    await seedStreams(new EventStore(db.pool), 1, 1); // and an unsealed tail
    const { rows } = await db.pool.query<{ seal_id: string; key_id: string }>(
      'SELECT seal_id, key_id FROM audit_seals ORDER BY seal_id',
    );
    expect(rows.map((r) => r.key_id)).toEqual([idA, idA, idB]);

    const report = await new AuditVerifier(db.pool, after).verify();
    expect(report.ok).toBe(true);
    expect(report.seals.seals).toBe(3);

    // Without the old public key, the old seals prove nothing, and verification says which.
    const withoutOld = await new AuditVerifier(db.pool, newKeyOnly).verify();
    expect(withoutOld.ok).toBe(false);
    expect(withoutOld.firstBroken?.problem).toContain(
      `signed with key ${idA}, which is not trusted`,
    );
  });

  it('exports which key signed which seals, with both public keys', async () => {
    await waitUntilAllReadable(db.pool);
    const out = createWriteStream(exportPath);
    await new Exporter(db.pool, after).writeTo(out);
    out.end();
    await finished(out);
    const header = JSON.parse(readFileSync(exportPath, 'utf8').split('\n')[0]) as ExportHeader;
    expect(header.seals.map((s) => s.keyId)).toEqual([idA, idA, idB]);
    expect(header.signers).toEqual([
      {
        keyId: idA,
        publicKey: pemOf(a.publicKey, 'spki'),
        seals: 2,
        firstSealId: 1,
        lastSealId: 2,
      },
      {
        keyId: idB,
        publicKey: pemOf(b.publicKey, 'spki'),
        seals: 1,
        firstSealId: 3,
        lastSealId: 3,
      },
    ]);
  });

  it('verifies the export offline: from its header, and with both keys handed to verify-file', async () => {
    const fromHeader = await verifyExportFile(exportPath);
    expect(fromHeader).toMatchObject({ ok: true, seals: 3, unsealed: 1 });
    expect(fromHeader.sealsByKey).toEqual({ [idA]: 2, [idB]: 1 });

    const both = join(tmp, 'both.pub');
    writeFileSync(both, pemOf(a.publicKey, 'spki') + pemOf(b.publicKey, 'spki'));
    const cli = await auditCli(['verify-file', exportPath, '--public-key', both]);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, seals: 3, broken: 0 });

    const onlyNew = join(tmp, 'new.pub');
    writeFileSync(onlyNew, pemOf(b.publicKey, 'spki'));
    const refused = await verifyExportFile(exportPath, {
      publicKeyPem: readFileSync(onlyNew, 'utf8'),
    });
    expect(refused.ok).toBe(false);
    expect(refused.firstBroken?.problem).toContain(`${idA}, which is not trusted`);
  }, 60_000);
});
