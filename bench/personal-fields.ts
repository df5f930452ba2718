/**
 * BENCH_PERSONAL_DATA=1 for bench:store: the store's appends carry personal fields sealed as
 * the directory seals them (libs/personal-data, README "Personal data"), beside the same events
 * appended in clear and the plain INSERT of the clear rows.
 *
 * Each call of `sealEvents` stands for one directory transaction: it reads the stream's data key
 * from `personal_data_keys` and unwraps it (a real round trip; on a person's first event the key
 * is made, wrapped and stored instead), then seals the fields of every event (AES-256-GCM).
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PERSONAL_FIELD_PATHS, SEALED_SCHEMA_VERSION } from '../libs/directory/src/domain/events';
import { NewEvent } from '../libs/event-store/src';
import { DataKeys, loadMasterKeyring, sealPaths } from '../libs/personal-data/src';

export const PERSONAL_DATA = process.env.BENCH_PERSONAL_DATA === '1';

/** The fixed development master key (id `dev`), as in `test`. */
const ring = loadMasterKeyring({ NODE_ENV: 'test' });

let seq = 0;

/** A PersonRegistered event with its personal fields in clear, as the directory decides it. */
export function makePersonEvent(): NewEvent {
  const n = seq++;
  const personId = randomUUID();
  return {
    type: 'PersonRegistered',
    data: {
      personId,
      login: `bench.${personId.slice(0, 8)}`,
      displayName: { ko: `김벤치${n}`, en: `Kim Bench ${n}` },
      email: `bench.${personId.slice(0, 8)}@kisa.example`,
      phone: `+82-2-555-${String(n % 10_000).padStart(4, '0')}`,
      agency: 'KISA',
      roles: ['agency_officer'],
    },
    metadata: {
      actor: 'bench.admin',
      role: 'admin',
      agency: 'MSIT',
      correlation_id: randomUUID(),
      causation_id: randomUUID(),
    },
  };
}

/** `events` with their personal fields sealed under `keyRef`'s data key (one transaction's work). */
export async function sealEvents(
  pool: Pool,
  keyRef: string,
  events: NewEvent[],
): Promise<NewEvent[]> {
  const keys = new DataKeys(pool, ring);
  await keys.getOrCreate(keyRef); // read once (or made), as the directory does per transaction
  const sealed: NewEvent[] = [];
  for (const e of events) {
    const { data } = await sealPaths(keys, keyRef, e.data, PERSONAL_FIELD_PATHS);
    sealed.push({ ...e, schemaVersion: SEALED_SCHEMA_VERSION, data });
  }
  return sealed;
}
