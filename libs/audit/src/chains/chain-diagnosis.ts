import { chainHash } from '@liaison/event-store/event-hash';
import { RawRow } from '../reading/keyset-pages';
import { Col, storedHashHex } from './chain-rows';
import { EventHasher } from './event-hasher';

/**
 * Says more precisely what broke at a hash mismatch, from the whole stream (the rare path: run
 * once, for the break reported). A chain alone cannot always tell an altered event from an
 * altered predecessor that was re-hashed; the message says so when both fit, and the seals
 * settle it.
 */
export function diagnoseHashMismatch(rows: RawRow[], version: number): string {
  const hasher = new EventHasher();
  const i = rows.findIndex((r) => Number(r[Col.Version]) === version);
  if (i < 0) return 'hash mismatch (the event has since gone)';
  const body = hasher.body(rows[i]);
  if (typeof body !== 'string') return body.error;
  const stored = storedHashHex(rows[i]);
  const expectedPrevious = i === 0 ? '' : storedHashHex(rows[i - 1]);

  const candidates = ['', ...rows.map(storedHashHex)];
  const from = candidates.findIndex((h) => h !== expectedPrevious && chainHash(h, body) === stored);
  if (from >= 0) {
    const wanted = i === 0 ? 'being first' : `version ${Number(rows[i - 1][Col.Version])}`;
    const actual =
      from === 0 ? 'the stream start' : `version ${Number(rows[from - 1][Col.Version])}`;
    return `hash mismatch: chains from ${actual} instead of ${wanted} (events swapped or moved)`;
  }

  const next = rows[i + 1];
  const nextBody = next ? hasher.body(next) : undefined;
  if (next === undefined || typeof nextBody !== 'string') {
    return 'hash mismatch: data, metadata or the stored hash changed';
  }
  const nextStored = storedHashHex(next);
  if (chainHash(stored, nextBody) === nextStored) {
    return i === 0
      ? 'hash mismatch: data or metadata changed'
      : `hash mismatch: data or metadata changed, or version ${Number(rows[i - 1][Col.Version])} was altered and re-hashed`;
  }
  if (chainHash(chainHash(expectedPrevious, body), nextBody) === nextStored) {
    return 'hash mismatch: the stored hash changed (data and metadata intact)';
  }
  return 'hash mismatch: data or metadata and the stored hash changed';
}
