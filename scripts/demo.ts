/**
 * The main job until the workshop API lands: appends a workshop's first events to the real
 * event store, reads them back and checks their hash chain.
 */
import { randomUUID } from 'node:crypto';
import { canonicalEventBody, chainHash, EventStore } from '../libs/event-store/src';
import { createDataSource, createPgPool, loadConfig, runMigrations } from '../libs/platform/src';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource(config.databaseUrl).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();

  const pool = createPgPool(config.databaseUrl, 2, 'liaison-demo');
  const store = new EventStore(pool);
  const streamId = `workshop-${randomUUID()}`;
  const metadata = {
    actor: 'msit-head',
    role: 'bureau_head',
    agency: 'MSIT',
    correlation_id: randomUUID(),
  };
  await store.append(
    streamId,
    [
      {
        type: 'WorkshopHeld',
        data: {
          title: 'AI security workshop with OpenAI',
          heldOn: '2026-11-18',
          hostAgency: 'MSIT',
        },
        metadata,
      },
      {
        type: 'InfoRequested',
        data: { subject: 'Share information on AI security threats', requestedFrom: 'OPENAI' },
        metadata,
      },
    ],
    { expectedVersion: 'no_stream' },
  );
  const events = await store.readStream(streamId);
  let previous = '';
  for (const e of events) {
    const ok = e.hash === chainHash(previous, canonicalEventBody(e));
    console.log(
      `${e.streamId} v${e.version} #${e.position} ${e.type} hash ${ok ? 'ok' : 'BROKEN'}`,
    );
    previous = e.hash;
  }
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
