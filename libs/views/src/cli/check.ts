/**
 * npm run projections:check [name]
 * Replays the log into a throwaway schema and diffs it against the live tables. Exit code 0:
 * identical; 1: differences (each printed as a JSON line on stdout); 2: the check failed.
 */
import { EventStore } from '@liaison/event-store';
import { createPgPool, loadConfig } from '@liaison/platform';
import { checkProjection } from '../rebuild/check-projection';
import { parseCliOptions } from './cli-options';

async function main(): Promise<number> {
  const options = parseCliOptions(process.argv.slice(2));
  const pool = createPgPool(loadConfig().databaseUrl, 4, 'liaison-projections-check');
  let differing = 0;
  try {
    const store = new EventStore(pool);
    for (const projection of options.projections) {
      const result = await checkProjection({
        pool,
        store,
        projection,
        batchSize: options.batchSize,
      });
      for (const d of result.differences) process.stdout.write(`${JSON.stringify(d)}\n`);
      differing += result.differences.length;
      const summary = {
        projection: result.projection,
        position: result.position,
        events: result.events,
        differences: result.differences.length,
        truncated: result.truncated,
      };
      process.stderr.write(`${JSON.stringify(summary)}\n`);
    }
  } finally {
    await pool.end();
  }
  return differing > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
