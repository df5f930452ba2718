import { InvalidAppendError } from './event-store.errors';

/**
 * Deterministic JSON: object keys sorted, no whitespace. The hash chain is computed over these
 * bytes, so a verifier anywhere can recompute it from the stored values. Anything that would not
 * survive a round trip through JSON and Postgres jsonb is refused, naming the path.
 */
export function canonicalJson(value: unknown, path = '$'): string {
  switch (typeof value) {
    case 'string':
      if (!value.isWellFormed()) throw new InvalidAppendError(path, 'has a lone surrogate');
      if (value.includes('\u0000')) throw new InvalidAppendError(path, 'contains a NUL character');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidAppendError(path, `is not finite (${value})`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        return `[${value.map((item, i) => canonicalJson(item, `${path}[${i}]`)).join(',')}]`;
      }
      return canonicalObject(value, path);
    default:
      throw new InvalidAppendError(path, `is a ${typeof value}, which JSON cannot hold`);
  }
}

const seen = new WeakSet<object>();

function canonicalObject(value: object, path: string): string {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const kind = value.constructor?.name ?? 'object';
    throw new InvalidAppendError(path, `is a ${kind}; store plain JSON (dates as ISO strings)`);
  }
  if (seen.has(value)) throw new InvalidAppendError(path, 'is a circular reference');
  seen.add(value);
  try {
    const parts: string[] = [];
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue; // as JSON.stringify does: an absent optional field
      parts.push(`${canonicalJson(key, path)}:${canonicalJson(item, `${path}.${key}`)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(value);
  }
}
