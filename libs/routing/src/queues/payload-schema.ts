/**
 * A small schema for job payloads: a worker has no ValidationPipe, so every payload is checked
 * before use. Each field both validates and types the value, so a payload's TypeScript type is
 * declared once, by its schema.
 */
import { InvalidJobPayloadError } from './job.errors';

export interface Field<T> {
  parse(value: unknown, path: string): T;
}

export type Infer<F> = F extends Field<infer T> ? T : never;

type Shape = Record<string, Field<unknown>>;
type Flat<T> = { [K in keyof T]: T[K] };
/** Fields that accept `undefined` become optional keys. */
type Parsed<S extends Shape> = Flat<
  { [K in keyof S as undefined extends Infer<S[K]> ? never : K]: Infer<S[K]> } & {
    [K in keyof S as undefined extends Infer<S[K]> ? K : never]?: Infer<S[K]>;
  }
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const AGENCY = /^[A-Z][A-Z0-9_]{1,15}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function fail(path: string, problem: string, value: unknown): never {
  const got = value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 60);
  throw new InvalidJobPayloadError(path, `${problem} (got ${got})`);
}

function matching(pattern: RegExp, what: string): Field<string> {
  return {
    parse(value, path) {
      if (typeof value !== 'string' || !pattern.test(value)) fail(path, `must be ${what}`, value);
      return value;
    },
  };
}

export const uuid = matching(UUID, 'a lower-case uuid');
export const agencyCode = matching(AGENCY, 'an agency code');
export const isoTime: Field<string> = {
  parse(value, path) {
    if (typeof value !== 'string' || !ISO_TIME.test(value) || Number.isNaN(Date.parse(value))) {
      fail(path, 'must be an ISO-8601 time with a zone', value);
    }
    return value;
  },
};

export function text(maxLength = 10_000): Field<string> {
  return {
    parse(value, path) {
      if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
        fail(path, `must be non-blank text of at most ${maxLength} characters`, value);
      }
      return value;
    },
  };
}

export function oneOf<const T extends string>(...allowed: T[]): Field<T> {
  return {
    parse(value, path) {
      if (!allowed.includes(value as T)) fail(path, `must be one of ${allowed.join(', ')}`, value);
      return value as T;
    },
  };
}

export function optional<T>(field: Field<T>): Field<T | undefined> {
  return { parse: (value, path) => (value === undefined ? undefined : field.parse(value, path)) };
}

/** An object with exactly these fields: unknown ones are refused, as at the HTTP edge. Its
 * `shape` names them, for code that builds such an object field by field. */
export function object<S extends Shape>(shape: S): Field<Parsed<S>> & { readonly shape: S } {
  return {
    shape,
    parse(value, path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail(path, 'must be an object', value);
      }
      const input = value as Record<string, unknown>;
      const unknown = Object.keys(input).find((key) => !(key in shape));
      if (unknown !== undefined)
        fail(`${path}.${unknown}`, 'is not an expected field', input[unknown]);
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const parsed = field.parse(input[key], `${path}.${key}`);
        if (parsed !== undefined) out[key] = parsed;
      }
      return out as Parsed<S>;
    },
  };
}
