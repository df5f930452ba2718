/**
 * All the personal fields of one event sealed together (format v2): the clear strings at `paths`
 * are taken out of the event's data and stored as one AES-256-GCM box under the object's
 * `sealed` key:
 *
 *   { …, "displayName": {}, "sealed": { "enc": "v2", "keyRef", "paths": [["displayName","ko"],
 *     …], "box": base64(IV ‖ tag ‖ ciphertext of the JSON array of the strings, in path order) } }
 *
 * One cipher per event instead of one per field (v1, sealed-field.ts), which was most of the
 * sealing CPU, and about half the stored bytes (one key reference, one IV and tag). The AAD binds
 * the box to its key reference and to its paths, so a value cannot be moved to another field.
 * The paths stay readable: an erased box still says which fields read as erased.
 */
import { openBox, sealBox } from '../keys/aead';
import { ERASED, ERASED_KO } from './sealed-field';

export interface SealedFields {
  enc: 'v2';
  keyRef: string;
  paths: string[][];
  box: string;
}

/** The key of the data object a v2 box sits under. */
export const SEALED_FIELDS_KEY = 'sealed';

export function isSealedFields(value: unknown): value is SealedFields {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.enc === 'v2' &&
    typeof v.keyRef === 'string' &&
    typeof v.box === 'string' &&
    Array.isArray(v.paths) &&
    v.paths.every(isPath)
  );
}

/** Paths come back from the log: names only, none that would reach an object's prototype. */
const isPath = (p: unknown) =>
  Array.isArray(p) &&
  p.length > 0 &&
  p.every((s) => typeof s === 'string' && s !== '' && s !== '__proto__');

const fieldsAad = (keyRef: string, paths: readonly (readonly string[])[]) =>
  `liaison:personal-fields:v2:${keyRef}:${JSON.stringify(paths)}`;

/** `clear[i]` is the string at `paths[i]`. */
export function sealFields(
  key: Buffer,
  keyRef: string,
  paths: readonly (readonly string[])[],
  clear: readonly string[],
): SealedFields {
  const box = sealBox(key, Buffer.from(JSON.stringify(clear), 'utf8'), fieldsAad(keyRef, paths));
  return { enc: 'v2', keyRef, paths: paths.map((p) => [...p]), box: box.toString('base64') };
}

/** The strings of the box in path order; throws when the key is wrong or a byte was changed. */
export function openFields(key: Buffer, fields: SealedFields): string[] {
  const plain = openBox(
    key,
    Buffer.from(fields.box, 'base64'),
    fieldsAad(fields.keyRef, fields.paths),
  );
  return JSON.parse(plain.toString('utf8')) as string[];
}

/** What each path of an erased box reads as. */
export function erasedMarks(fields: SealedFields): string[] {
  return fields.paths.map((p) => (p.at(-1) === 'ko' ? ERASED_KO : ERASED));
}
