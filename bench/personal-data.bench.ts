/**
 * The cost of sealing personal fields, beside the plain append it rides on.
 *
 *   npm run bench:personal-data    (node -r @swc-node/register bench/personal-data.bench.ts)
 *
 * 1. CPU only (this process's CPU time, so robust to a loaded machine): sealing the three
 *    personal fields of a PersonRegistered (two names, an e-mail) under a data key already
 *    unwrapped, and opening them again, in µs per event; and unwrapping a data key (what each
 *    transaction pays once per person it reads).
 * 2. With the database: appending one PersonRegistered-shaped event to a new stream in its own
 *    transaction, plain, beside the same with its fields sealed under a NEW data key (made,
 *    wrapped and inserted in the same transaction, as the directory's first write of a person
 *    does), in µs per event (median of rounds, interleaved, order flipped every round).
 *
 * Environment: BENCH_DATABASE_URL (default liaison_bench, migrated here), BENCH_SECONDS (per
 * sample, default 2), BENCH_ROUNDS (default 3), BENCH_CPU_EVENTS (default 20000).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { EventStore, JsonObject } from '../libs/event-store/src';
import { createPgPool, inTransaction } from '../libs/platform/src';
import { DataKeys, loadMasterKeyring, openAll, sealPaths } from '../libs/personal-data/src';
import { SEALED_SCHEMA_VERSION } from '../libs/directory/src/domain/events';
import { unwrapDataKey, wrapDataKey } from '../libs/personal-data/src/keys/data-keys';
import { cpuUsSince, envInt, log, machineInfo, printJson, round } from './bench-utils';
import { DATABASE_URL, prepareDatabase } from './store-fixtures';

const SAMPLE_MS = envInt('BENCH_SECONDS', 2) * 1000;
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const CPU_EVENTS = envInt('BENCH_CPU_EVENTS', 20_000);
const PATHS = [['displayName', 'ko'], ['displayName', 'en'], ['email'], ['phone']] as const;
const ring = loadMasterKeyring({ NODE_ENV: 'test' });

function person(id: string): JsonObject {
  return {
    personId: id,
    login: `bench.${id.slice(0, 8)}`,
    displayName: { ko: '김벤치', en: 'Kim Bench' },
    email: `bench.${id.slice(0, 8)}@kisa.example`,
    agency: 'KISA',
    roles: ['agency_officer'],
  };
}

/** DataKeys over a query function that answers from memory: the CPU cost alone. */
function memoryKeys(key: Buffer): DataKeys {
  const wrapped = wrapDataKey(ring, ring.currentId, 'p', key);
  const tx = {
    query: async () => ({
      rows: [{ key_ref: 'p', master_key_id: ring.currentId, wrapped_key: wrapped }],
    }),
  };
  return new DataKeys(tx as never, ring);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function cpu(): Promise<Record<string, number>> {
  const key = randomBytes(32);
  const keys = memoryKeys(key);
  await keys.get('p'); // unwrapped once, as within one transaction
  const data = person(randomUUID());
  let sealed: JsonObject = data;
  let t = process.cpuUsage();
  for (let i = 0; i < CPU_EVENTS; i++) sealed = (await sealPaths(keys, 'p', data, PATHS)).data;
  const sealUs = cpuUsSince(t) / CPU_EVENTS;
  t = process.cpuUsage();
  for (let i = 0; i < CPU_EVENTS; i++) await openAll(keys, sealed);
  const openUs = cpuUsSince(t) / CPU_EVENTS;
  const wrapped = wrapDataKey(ring, ring.currentId, 'p', key);
  t = process.cpuUsage();
  for (let i = 0; i < CPU_EVENTS; i++) unwrapDataKey(ring, ring.currentId, 'p', wrapped);
  const unwrapUs = cpuUsSince(t) / CPU_EVENTS;
  return {
    sealThreeFieldsUsPerEvent: round(sealUs),
    openThreeFieldsUsPerEvent: round(openUs),
    unwrapDataKeyUs: round(unwrapUs),
  };
}

async function main(): Promise<void> {
  await prepareDatabase();
  const pool = createPgPool(DATABASE_URL, 4, 'bench-personal-data');
  const store = new EventStore(pool);
  try {
    const cpuCost = await cpu();
    const metadata = { actor: 'bench', role: 'system', correlation_id: 'bench' };
    const plain = async () => {
      const id = randomUUID();
      await inTransaction(pool, (tx) =>
        store.append(`person-${id}`, [{ type: 'PersonRegistered', data: person(id), metadata }], {
          expectedVersion: 'no_stream',
          client: tx,
        }),
      );
    };
    const sealed = async () => {
      const id = randomUUID();
      await inTransaction(pool, async (tx) => {
        const { data } = await sealPaths(new DataKeys(tx, ring), id, person(id), PATHS);
        return store.append(
          `person-${id}`,
          [{ type: 'PersonRegistered', schemaVersion: SEALED_SCHEMA_VERSION, data, metadata }],
          { expectedVersion: 'no_stream', client: tx },
        );
      });
    };
    const usPer = async (op: () => Promise<void>) => {
      const end = Date.now() + SAMPLE_MS;
      let n = 0;
      const t = process.hrtime.bigint();
      while (Date.now() < end) {
        await op();
        n++;
      }
      return Number(process.hrtime.bigint() - t) / 1000 / n;
    };
    const plainUs: number[] = [];
    const sealedUs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      log(`round ${r + 1}/${ROUNDS}`);
      if (r % 2 === 0) {
        plainUs.push(await usPer(plain));
        sealedUs.push(await usPer(sealed));
      } else {
        sealedUs.push(await usPer(sealed));
        plainUs.push(await usPer(plain));
      }
    }
    const p = median(plainUs);
    const s = median(sealedUs);
    printJson({
      benchmark: 'personal-data',
      machine: machineInfo(),
      cpu: cpuCost,
      append: {
        plainUsPerEvent: round(p),
        sealedWithNewKeyUsPerEvent: round(s),
        extraUsPerEvent: round(s - p),
        ratio: round(s / p),
      },
      note:
        'sealed = three fields in one AES-256-GCM box plus a new data key wrapped and inserted ' +
        'in the same transaction (a person\u2019s first event); later events of a person pay ' +
        'only the CPU cost above plus one key read per transaction',
    });
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
