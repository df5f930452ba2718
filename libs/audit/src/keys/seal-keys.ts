import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { ConfigError } from '@liaison/platform';
import { DEVELOPMENT_SEAL_PRIVATE_KEY_PEM } from './development-seal-key';

export const PRIVATE_KEY_VARIABLE = 'AUDIT_SEAL_PRIVATE_KEY';
export const PUBLIC_KEY_VARIABLE = 'AUDIT_SEAL_PUBLIC_KEY';

/** An Ed25519 public key and its id (what a seal records as keyId). */
export interface SealPublicKey {
  keyId: string;
  key: KeyObject;
  /** SPKI PEM: what exports carry and verifiers are handed. */
  pem: string;
}

/** The keys one process has: it signs only with `signing`, and trusts any key in `trusted`. */
export interface SealKeys {
  /** Absent in verification-only deployments. */
  signing?: { keyId: string; key: KeyObject };
  /** Public keys seals may be signed with, by keyId. */
  trusted: Map<string, SealPublicKey>;
  /** The key new seals are signed with, or the first trusted one. */
  primary: SealPublicKey;
  /** True when the committed development key is in use. */
  development: boolean;
}

type Env = Record<string, string | undefined>;

/**
 * Reads the seal keys from the environment. AUDIT_SEAL_PRIVATE_KEY (PEM PKCS8, Ed25519) signs;
 * the database never sees it. AUDIT_SEAL_PUBLIC_KEY (PEM SPKI, one or more blocks: every key
 * that ever signed a seal of this log, so that rotated keys' seals still verify) is what is
 * trusted besides the private key's own public key, and all a verification-only deployment
 * has. Without either, development and test use the committed development key; production has
 * nothing to sign or verify with and says which variable to set.
 */
export function loadSealKeys(env: Env = process.env): SealKeys {
  const privatePem = env[PRIVATE_KEY_VARIABLE];
  const publicPem = env[PUBLIC_KEY_VARIABLE];
  // Only an explicit development or test mode gets the committed key: an unset NODE_ENV is
  // production (as in loadConfig).
  const production = env.NODE_ENV !== 'development' && env.NODE_ENV !== 'test';
  const development = !privatePem && !publicPem && !production;

  const signingKey = privatePem
    ? parsePrivateKey(privatePem, PRIVATE_KEY_VARIABLE)
    : development
      ? parsePrivateKey(DEVELOPMENT_SEAL_PRIVATE_KEY_PEM, 'the development seal key')
      : undefined;
  const signing = signingKey && describe(createPublicKey(signingKey));

  const trustedKeys = publicPem ? parsePublicKeys(publicPem, PUBLIC_KEY_VARIABLE) : [];
  // The signing key is always trusted: after a rotation AUDIT_SEAL_PUBLIC_KEY lists the retired
  // keys, and leaving the new one out of it must not make this process distrust its own seals.
  if (signing && !trustedKeys.some((k) => k.keyId === signing.keyId)) trustedKeys.push(signing);
  if (trustedKeys.length === 0) {
    throw new ConfigError(
      PRIVATE_KEY_VARIABLE,
      `or ${PUBLIC_KEY_VARIABLE} is required in production (PEM Ed25519 keys)`,
    );
  }
  const trusted = new Map(trustedKeys.map((k) => [k.keyId, k]));
  return {
    ...(signing && signingKey ? { signing: { keyId: signing.keyId, key: signingKey } } : {}),
    trusted,
    primary: signing ?? trustedKeys[0],
    development,
  };
}

/** Keys for a verifier holding only public keys (PEM SPKI text, one or more blocks). */
export function publicKeysFromPem(pem: string, source: string): SealKeys {
  const keys = parsePublicKeys(pem, source);
  if (keys.length === 0) throw new Error(`${source} holds no public key`);
  return { trusted: new Map(keys.map((k) => [k.keyId, k])), primary: keys[0], development: false };
}

/** keyId = "ed25519:" + the first 16 hex digits of SHA-256 over the key's SPKI DER bytes. */
export function describe(key: KeyObject): SealPublicKey {
  const der = key.export({ type: 'spki', format: 'der' });
  const keyId = `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
  return { keyId, key, pem: key.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Environment files often carry PEM on one line with literal "\n". */
function unescapePem(text: string): string {
  return text.includes('\\n') ? text.replace(/\\n/g, '\n') : text;
}

function parsePrivateKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: unescapePem(pem), format: 'pem' });
  } catch (err) {
    throw new ConfigError(source, `is not a PEM PKCS8 private key (${(err as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError(source, `must be an Ed25519 key (got ${key.asymmetricKeyType})`);
  }
  return key;
}

function parsePublicKeys(text: string, source: string): SealPublicKey[] {
  const blocks = unescapePem(text).match(/-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g);
  if (!blocks) throw new ConfigError(source, 'holds no PEM block');
  return blocks.map((block) => {
    let key: KeyObject;
    try {
      key = createPublicKey({ key: block, format: 'pem' });
    } catch (err) {
      throw new ConfigError(source, `is not a PEM public key (${(err as Error).message})`);
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new ConfigError(source, `must hold Ed25519 keys (got ${key.asymmetricKeyType})`);
    }
    return describe(key);
  });
}
