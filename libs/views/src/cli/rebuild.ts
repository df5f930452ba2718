/**
 * npm run projections:rebuild [name] [--restart] [--batch-size=N]
 * Rebuilds projections from the log without downtime (see rebuild/rebuild-projection.ts);
 * progress on stderr, one JSON line per projection on stdout.
 */
import { EventStore } from '@liaison/event-store';
import { createPgPool, loadConfig } from '@liaison/platform';
import { progressBar } from '../rebuild/progress-bar';
import { rebuildProjection } from '../rebuild/rebuild-projection';
import { parseCliOptions } from './cli-options';

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2));
  const pool = createPgPool(loadConfig().databaseDirectUrl, 4, 'liaison-projections-rebuild');
  try {
    const store = new EventStore(pool);
    for (const projection of options.projections) {
      const result = await rebuildProjection({
        pool,
        store,
        projection,
        batchSize: options.batchSize,
        restart: options.restart,
        onProgress: progressBar(),
      });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    }
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
