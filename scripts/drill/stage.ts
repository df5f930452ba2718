/**
 * The system under test, set up for one run: its own Postgres and Redis, migrated, and two APIs
 * and two workers from the build in production mode, configured as an operator would for a
 * drill (short timers and sweep, so that their effects land within the run).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '../demo/processes';
import { AppProcess, Death } from './app-processes';
import { PostgresCluster } from './postgres-cluster';
import { RedisServer } from './redis-server';
import { DrillConfig } from './drill-config';
import { runMigrations } from './migrate';

/** Redis loses its jobs in the drill, and they must come back within the run, not after the
 * production default of minutes. */
export const SWEEP_INTERVAL_MS = 2_000;
export const REDELIVER_AFTER_MS = 5_000;

export class Stage {
  readonly apps: AppProcess[] = [];
  readonly deaths: Death[] = [];
  /** What every app (and the CLIs the checks run) is given. */
  env: NodeJS.ProcessEnv = {};

  private constructor(
    readonly postgres: PostgresCluster,
    readonly redis: RedisServer,
    private readonly logDir: string,
  ) {}

  static async create(dir: string, logDir: string): Promise<Stage> {
    const postgres = await PostgresCluster.create(join(dir, 'pg'));
    const redis = await RedisServer.create(join(dir, 'redis'));
    return new Stage(postgres, redis, logDir);
  }

  get apis(): AppProcess[] {
    return this.apps.filter((a) => a.kind === 'api');
  }

  get workers(): AppProcess[] {
    return this.apps.filter((a) => a.kind === 'worker');
  }

  async start(config: DrillConfig, runId: string): Promise<void> {
    const { postgres, redis } = this;
    await postgres.start();
    await postgres.createDatabase();
    await redis.start();
    this.env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      // Development mode, not production: the drill's virtual users carry HS256 tokens, which
      // production refuses (with JWT_SECRET set it will not start). Its own secret and seal key
      // are still set below, and no development accounts are made.
      NODE_ENV: 'development',
      DEV_ACCOUNTS: 'false',
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      AUDIT_SEAL_PRIVATE_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '10',
      QUEUE_PREFIX: `drill-${runId}`,
      REMINDER_LEAD_MS: String(config.reminderLeadMs),
      ESCALATION_GRACE_MS: String(config.escalationGraceMs),
      SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_MS),
      REDELIVER_AFTER_MS: String(REDELIVER_AFTER_MS),
      JOB_LOCK_MS: '5000', // a killed worker's job goes to the other within the run
      // Every virtual user sends from 127.0.0.1, which people in offices of their own would
      // not: the per-address limit is off, the per-caller limits keep their defaults.
      RATE_LIMIT_PER_ADDRESS: '0',
    };
    await runMigrations(this.env);

    for (const i of [1, 2]) {
      const port = await freePort();
      const env = { ...this.env, PORT: String(port) };
      this.apps.push(new AppProcess(`api-${i}`, 'api', env, this.logDir, this.deaths, port));
    }
    for (const i of [1, 2]) {
      // Workers log at info: one line per delivery and timer, which is what explains a failure.
      // Each its own health port: two on one machine cannot share the default.
      const port = await freePort();
      const env = { ...this.env, LOG_LEVEL: 'info', WORKER_HEALTH_PORT: String(port) };
      this.apps.push(new AppProcess(`worker-${i}`, 'worker', env, this.logDir, this.deaths, port));
    }
    // One at a time: two shared cores boot four Nest apps faster in turn than all at once.
    for (const app of this.apps) await app.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.apps.map((a) => a.stop().catch(() => {})));
    await this.redis.stop();
    await this.postgres.stop();
  }
}
