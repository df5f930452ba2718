import { WorkerHeartbeats1764800000000 } from './1764800000000-worker-heartbeats';

/** The platform's own tables: the workers' heartbeats (see health/worker-heartbeats.ts). */
export const platformMigrations = [WorkerHeartbeats1764800000000];
