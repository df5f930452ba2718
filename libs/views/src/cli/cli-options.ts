import { PROJECTIONS, projectionNamed } from '../projections.registry';
import { Projection } from '../projection';
import { DEFAULT_REPLAY_BATCH } from '../rebuild/rebuild.options';

export interface CliOptions {
  projections: readonly Projection[];
  restart: boolean;
  batchSize: number;
}

/** `[name] [--restart] [--batch-size=N]`; no name means every projection. */
export function parseCliOptions(args: readonly string[]): CliOptions {
  let restart = false;
  let batchSize = DEFAULT_REPLAY_BATCH;
  const names: string[] = [];
  for (const arg of args) {
    if (arg === '--restart') restart = true;
    else if (arg.startsWith('--batch-size=')) {
      batchSize = Number(arg.slice('--batch-size='.length));
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) {
        throw new Error('--batch-size must be an integer from 1 to 50000');
      }
    } else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else names.push(arg);
  }
  return {
    projections: names.length > 0 ? names.map(projectionNamed) : PROJECTIONS,
    restart,
    batchSize,
  };
}
