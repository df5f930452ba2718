/**
 * A personal field as the log stores it: `{ enc: 'v1', keyRef, iv, ct, tag }` in place of the
 * clear string (AES-256-GCM under the data key of `keyRef`, base64). The event's hash covers
 * these bytes, so destroying the key later changes nothing the chains and seals cover.
 */
import { JsonObject } from '@liaison/event-store';
import { DataKeys } from '../keys/data-keys';
import { open, seal } from '../keys/aead';

export interface SealedField {
  enc: 'v1';
  keyRef: string;
  iv: string;
  ct: string;
  tag: string;
}

/** What an erased field reads as: Korean for the Korean display name, English elsewhere. */
export const ERASED_KO = '(삭제됨)';
export const ERASED = '(erased)';

export function isSealedField(value: unknown): value is SealedField {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.enc === 'v1' && typeof v.keyRef === 'string' && typeof v.ct === 'string';
}

const fieldAad = (keyRef: string) => `liaison:personal-field:v1:${keyRef}`;

export function sealField(key: Buffer, keyRef: string, clear: string): SealedField {
  const s = seal(key, Buffer.from(clear, 'utf8'), fieldAad(keyRef));
  return {
    enc: 'v1',
    keyRef,
    iv: s.iv.toString('base64'),
    ct: s.ct.toString('base64'),
    tag: s.tag.toString('base64'),
  };
}

export function openField(key: Buffer, field: SealedField): string {
  const sealed = {
    iv: Buffer.from(field.iv, 'base64'),
    ct: Buffer.from(field.ct, 'base64'),
    tag: Buffer.from(field.tag, 'base64'),
  };
  return open(key, sealed, fieldAad(field.keyRef)).toString('utf8');
}

/**
 * Seals the string fields at `paths` (e.g. [['displayName','ko'], ['email']]) of an event's data
 * under `keyRef`'s data key (made on first use). Fields absent or not strings stay as they are.
 */
export async function sealPaths(
  keys: DataKeys,
  keyRef: string,
  data: JsonObject,
  paths: readonly (readonly string[])[],
): Promise<{ data: JsonObject; sealed: number }> {
  let out: JsonObject = data;
  let sealed = 0;
  let key: Buffer | undefined;
  for (const path of paths) {
    const clear = at(out, path);
    if (typeof clear !== 'string') continue;
    key ??= await keys.getOrCreate(keyRef);
    out = setAt(out, path, sealField(key, keyRef, clear) as unknown as JsonObject);
    sealed++;
  }
  return { data: out, sealed };
}

/**
 * Every sealed field anywhere in `data` replaced by its clear text, or by the erased mark when
 * its key was destroyed. A field whose key is missing altogether (a database restored without
 * its keys) also reads as erased: there is nothing else it could honestly say.
 */
export async function openAll<T>(keys: DataKeys, data: T): Promise<T> {
  // Every key the data needs in one statement, not one per field or per event.
  await keys.load(sealedRefs(data));
  return (await walk(keys, data, undefined)) as T;
}

/** The key references of every sealed field in `value`. */
export function sealedRefs(value: unknown, into = new Set<string>()): Set<string> {
  if (isSealedField(value)) into.add(value.keyRef);
  else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) sealedRefs(v, into);
  }
  return into;
}

/** True when `data` has a string at one of `paths`: sealing it will need a key. */
export function holdsClearAt(data: JsonObject, paths: readonly (readonly string[])[]): boolean {
  return paths.some((path) => typeof at(data, path) === 'string');
}

async function walk(keys: DataKeys, value: unknown, name: string | undefined): Promise<unknown> {
  if (isSealedField(value)) {
    const found = await keys.get(value.keyRef);
    if (found.state !== 'live') return name === 'ko' ? ERASED_KO : ERASED;
    return openField(found.key, value);
  }
  if (Array.isArray(value)) return Promise.all(value.map((v) => walk(keys, v, undefined)));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = await walk(keys, v, k);
  return out;
}

/** True when `data` holds a sealed field anywhere (cheap test before a walk). */
export function holdsSealed(value: unknown): boolean {
  if (isSealedField(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(holdsSealed);
}

function at(data: unknown, path: readonly string[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

function setAt(data: JsonObject, path: readonly string[], value: JsonObject): JsonObject {
  const [head, ...rest] = path;
  const inner = data[head] as JsonObject;
  return { ...data, [head]: rest.length === 0 ? value : setAt(inner, rest, value) };
}
