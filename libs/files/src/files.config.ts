/** The file store's configuration, read at boot; a bad value names its variable. */
export type FileStoreChoice = { kind: 'postgres' } | { kind: 'disk'; root: string };

export interface FilesConfig {
  store: FileStoreChoice;
  /** The largest upload accepted (413 above it). */
  maxBytes: number;
  /** Stored contents no event names are swept once this old (`npm run files -- sweep-orphans`):
   * long enough that no upload is still on its way to its append. */
  orphanAfterHours: number;
}

export const DEFAULT_FILE_ORPHAN_AFTER_HOURS = 24;

export const DEFAULT_FILE_MAX_BYTES = 25 * 1024 * 1024;

type Env = Record<string, string | undefined>;

export function loadFilesConfig(env: Env = process.env): FilesConfig {
  return {
    store: storeChoice(env.FILE_STORE),
    maxBytes: maxBytes(env.FILE_MAX_BYTES),
    orphanAfterHours: orphanAfterHours(env.FILE_ORPHAN_AFTER_HOURS),
  };
}

function storeChoice(value: string | undefined): FileStoreChoice {
  if (value === undefined || value === '' || value === 'postgres') return { kind: 'postgres' };
  if (value.startsWith('disk:') && value.length > 'disk:'.length && value[5] === '/') {
    return { kind: 'disk', root: value.slice('disk:'.length) };
  }
  throw new Error(`FILE_STORE must be "postgres" or "disk:/absolute/folder", got "${value}"`);
}

function maxBytes(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_FILE_MAX_BYTES;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(`FILE_MAX_BYTES must be a whole number of bytes above 0, got "${value}"`);
  }
  return n;
}

function orphanAfterHours(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_FILE_ORPHAN_AFTER_HOURS;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(
      `FILE_ORPHAN_AFTER_HOURS must be a whole number of hours, 1 or more, got "${value}"`,
    );
  }
  return n;
}
