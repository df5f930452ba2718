import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { DirectoryWriter } from '../commands/directory-writer';
import { adoptExistingAgencies } from './adopt-agencies';

/** At boot, agencies that are rows without a stream become streams (see adopt-agencies.ts). */
@Injectable()
export class DirectoryAdoption implements OnApplicationBootstrap {
  private readonly logger = new Logger('Directory');

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly writer: DirectoryWriter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const adopted = await adoptExistingAgencies(this.pool, this.writer);
    if (adopted.length > 0) this.logger.log({ msg: 'agencies adopted into the log', adopted });
  }
}
