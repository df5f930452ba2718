/**
 * A personal field as the log stores it: `{ enc: 'v1', keyRef, iv, ct, tag }` in place of the
 * clear string (AES-256-GCM under the data key of `keyRef`, base64). The event's hash covers
 * these bytes, so destroying the key later changes nothing the chains and seals cover. A lone
 * text (a comment marked personal) is sealed so; a person's fields were, before v2
 * (sealed-fields.ts), and such events still open.
 */
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
