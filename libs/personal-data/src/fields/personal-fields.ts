/**
 * Sealing an event's personal fields before the append, and opening whatever an event holds
 * sealed (v1 fields and v2 boxes alike) after a read, or reading the erased mark.
 */
import { JsonObject } from '@liaison/event-store';
import { DataKeys } from '../keys/data-keys';
import { ERASED, ERASED_KO, isSealedField, openField } from './sealed-field';
import {
  erasedMarks,
  isSealedFields,
  openFields,
  SEALED_FIELDS_KEY,
  SealedFields,
  sealFields,
} from './sealed-fields';

type Paths = readonly (readonly string[])[];

/**
 * Seals the string fields at `paths` (e.g. [['displayName','ko'], ['email']]) of an event's data
 * together, in one v2 box under `keyRef`'s data key (made on first use). Fields absent or not
 * strings stay as they are; with none to seal, the data is returned as it is.
 */
export async function sealPaths(
  keys: DataKeys,
  keyRef: string,
  data: JsonObject,
  paths: Paths,
): Promise<{ data: JsonObject; sealed: number }> {
  const present = paths.filter((path) => typeof at(data, path) === 'string');
  if (present.length === 0) return { data, sealed: 0 };
  if (SEALED_FIELDS_KEY in data) {
    throw new Error(`data to seal already holds a '${SEALED_FIELDS_KEY}' field`);
  }
  const key = await keys.getOrCreate(keyRef);
  const clear = present.map((path) => at(data, path) as string);
  const out = withoutPaths(data, present);
  out[SEALED_FIELDS_KEY] = sealFields(key, keyRef, present, clear) as unknown as JsonObject;
  return { data: out, sealed: present.length };
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
  if (isSealedField(value) || isSealedFields(value)) into.add(value.keyRef);
  else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) sealedRefs(v, into);
  }
  return into;
}

/** True when `data` has a string at one of `paths`: sealing it will need a key. */
export function holdsClearAt(data: JsonObject, paths: Paths): boolean {
  return paths.some((path) => typeof at(data, path) === 'string');
}

/** True when `data` holds a sealed field anywhere (cheap test before a walk). */
export function holdsSealed(value: unknown): boolean {
  if (isSealedField(value) || isSealedFields(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(holdsSealed);
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
  let box: SealedFields | undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k === SEALED_FIELDS_KEY && isSealedFields(v)) box = v;
    else out[k] = await walk(keys, v, k);
  }
  if (box) {
    const found = await keys.get(box.keyRef);
    const values = found.state === 'live' ? openFields(found.key, box) : erasedMarks(box);
    box.paths.forEach((path, i) => putAt(out, path, values[i]));
  }
  return out;
}

function at(data: unknown, path: readonly string[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/** A copy of `data` without the fields at `paths`, each object on the way copied once. */
function withoutPaths(data: JsonObject, paths: Paths): JsonObject {
  const root: JsonObject = { ...data };
  const copied = new Set<object>([root]);
  for (const path of paths) {
    let o = root;
    for (const p of path.slice(0, -1)) {
      let next = o[p] as JsonObject;
      if (!copied.has(next)) {
        next = { ...next };
        copied.add(next);
        o[p] = next;
      }
      o = next;
    }
    delete o[path[path.length - 1]];
  }
  return root;
}

/** Puts `value` at `path` of an object the walk made (so its own to change). */
function putAt(into: Record<string, unknown>, path: readonly string[], value: string): void {
  let o = into;
  for (const p of path.slice(0, -1)) {
    const next = o[p];
    o = (typeof next === 'object' && next !== null ? next : (o[p] = {})) as Record<string, unknown>;
  }
  o[path[path.length - 1]] = value;
}
