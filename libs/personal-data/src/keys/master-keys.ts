/**
 * The master keys that wrap every person's data key. They come from the environment only and
 * are never written to the database: a copy of the database (a backup, a dump handed to an
 * auditor) holds wrapped keys it cannot open.
 *
 * `PERSONAL_DATA_MASTER_KEY` is the current key (base64 of 32 bytes), known by the id in
 * `PERSONAL_DATA_MASTER_KEY_ID` (default `k1`). During a rotation the other key is given as
 * `PERSONAL_DATA_MASTER_KEY_<ID>` (e.g. `PERSONAL_DATA_MASTER_KEY_K0`). Without a key, only
 * NODE_ENV=development|test get a fixed development key (id `dev`); production refuses to start.
 */
import { createHash } from 'node:crypto';

export const MASTER_KEY_VAR = 'PERSONAL_DATA_MASTER_KEY';
export const MASTER_KEY_ID_VAR = 'PERSONAL_DATA_MASTER_KEY_ID';
export const DEV_MASTER_KEY_ID = 'dev';
const KEY_ID = /^[a-z0-9][a-z0-9_-]{0,31}$/;

export class MasterKeyConfigError extends Error {
  override name = 'MasterKeyConfigError';
}

export interface MasterKeyring {
  /** The id new data keys are wrapped under. */
  readonly currentId: string;
  /** The key of an id, if the environment gives it. */
  key(id: string): Buffer | undefined;
  /** The variable a key id is read from (for messages that name it). */
  variableOf(id: string): string;
  readonly ids: readonly string[];
}

const DEV_KEY = createHash('sha256')
  .update('liaison development personal-data master key (never in production)')
  .digest();

function decodeKey(variable: string, text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== text.trim()) {
    throw new MasterKeyConfigError(`${variable} must be the base64 of 32 random bytes`);
  }
  return key;
}

export function loadMasterKeyring(env: NodeJS.ProcessEnv = process.env): MasterKeyring {
  const keys = new Map<string, Buffer>();
  const variables = new Map<string, string>();
  const given = env[MASTER_KEY_VAR];
  let currentId: string;
  if (given !== undefined && given !== '') {
    currentId = (env[MASTER_KEY_ID_VAR] ?? 'k1').toLowerCase();
    if (!KEY_ID.test(currentId)) {
      throw new MasterKeyConfigError(`${MASTER_KEY_ID_VAR} must match ${KEY_ID.source}`);
    }
    keys.set(currentId, decodeKey(MASTER_KEY_VAR, given));
    variables.set(currentId, MASTER_KEY_VAR);
  } else if (env.NODE_ENV === 'development' || env.NODE_ENV === 'test') {
    currentId = DEV_MASTER_KEY_ID;
    keys.set(currentId, DEV_KEY);
    variables.set(currentId, MASTER_KEY_VAR);
  } else {
    throw new MasterKeyConfigError(
      `${MASTER_KEY_VAR} is required (base64 of 32 bytes; generate one with ` +
        `\`openssl rand -base64 32\`)`,
    );
  }
  for (const [name, value] of Object.entries(env)) {
    const m = /^PERSONAL_DATA_MASTER_KEY_([A-Za-z0-9_-]+)$/.exec(name);
    if (!m || m[1] === 'ID' || value === undefined || value === '') continue;
    const id = m[1].toLowerCase();
    if (id === currentId) continue;
    keys.set(id, decodeKey(name, value));
    variables.set(id, name);
  }
  return {
    currentId,
    key: (id) => keys.get(id),
    variableOf: (id) =>
      variables.get(id) ??
      (id === currentId ? MASTER_KEY_VAR : `${MASTER_KEY_VAR}_${id.toUpperCase()}`),
    ids: [...keys.keys()],
  };
}

let cached: { env: string; ring: MasterKeyring } | undefined;

/** The process's keyring, read once per distinct environment (tests change it between apps). */
export function masterKeyring(): MasterKeyring {
  const env = Object.entries(process.env)
    .filter(([k]) => k.startsWith(MASTER_KEY_VAR) || k === 'NODE_ENV')
    .sort()
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  if (cached?.env !== env) cached = { env, ring: loadMasterKeyring() };
  return cached.ring;
}
