/**
 * npm run seal-key -- new [--out DIR]    a new Ed25519 seal key: DIR/seal-<id>.key (mode 0600)
 *                                        and .pub, or both PEMs on stdout; its key id
 * npm run seal-key -- id <file>          the key id of each key (private or public PEM) in a file
 * See the README's "Key rotation" for how a new key takes over with no seal left unprovable.
 */
import { createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from './seal-keys';

function newKey(outDir: string | undefined): void {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const { keyId, pem } = describe(publicKey);
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  if (!outDir) {
    process.stdout.write(`# ${keyId}\n${privatePem}${pem}`);
    return;
  }
  const base = join(outDir, `seal-${keyId.slice('ed25519:'.length)}`);
  writeFileSync(`${base}.key`, privatePem, { mode: 0o600, flag: 'wx' });
  writeFileSync(`${base}.pub`, pem, { flag: 'wx' });
  process.stdout.write(
    `${JSON.stringify({ keyId, privateKey: `${base}.key`, publicKey: `${base}.pub` })}\n`,
  );
}

/** Key ids of every PEM block in a file: private keys are described by their public half. */
function keyIds(path: string): string[] {
  const blocks = readFileSync(path, 'utf8').match(
    /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g,
  );
  if (!blocks) throw new Error(`${path} holds no PEM block`);
  return blocks.map((block) => {
    const key: KeyObject = createPublicKey({ key: block, format: 'pem' });
    return describe(key).keyId;
  });
}

function main([command, arg, ...rest]: string[]): number {
  switch (command) {
    case 'new': {
      const at = [arg, ...rest].indexOf('--out');
      newKey(at >= 0 ? [arg, ...rest][at + 1] : undefined);
      return 0;
    }
    case 'id':
      if (!arg) throw new Error('id needs a PEM file');
      for (const id of keyIds(arg)) process.stdout.write(`${id}\n`);
      return 0;
    default:
      process.stderr.write('usage: npm run seal-key -- new [--out DIR] | id <pem file>\n');
      return 2;
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`seal-key: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
