import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Pool } from 'pg';
import { loadSealKeys, Sealer } from '@liaison/audit';
import { PG_POOL } from '@liaison/platform';

/** How often new events are sealed. Seals are cheap and incremental; workers take turns under
 * a Postgres lock, so running several workers seals nothing twice. */
const SEAL_EVERY_MS = 60_000;

/** Signs the global log periodically, so a deleted stream or a cut tail is caught by verify. */
@Injectable()
export class SealingWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sealing');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onApplicationBootstrap(): void {
    const keys = loadSealKeys();
    if (!keys.signing) {
      this.logger.warn('no AUDIT_SEAL_PRIVATE_KEY: this worker does not seal');
      return;
    }
    const sealer = new Sealer(this.pool, keys);
    const tick = () => {
      if (this.running) return;
      this.running = sealer
        .sealAll()
        .then((seals) => {
          if (seals.length > 0)
            this.logger.log({ seals: seals.map((s) => s.sealId) }, 'log sealed');
        })
        .catch((err) => this.logger.error({ err }, 'sealing failed; will retry'))
        .finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, SEAL_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
