import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { checkMasterKeys } from './keys/master-key-check';
import { masterKeyring } from './keys/master-keys';

/** Refuses to finish booting when the master key is absent (production) or wrong. */
class MasterKeyBootCheck implements OnApplicationBootstrap {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationBootstrap(): Promise<void> {
    await checkMasterKeys(this.pool, masterKeyring());
  }
}

/**
 * Personal data at rest: the boot check of the master keys. The cipher itself is plain
 * functions over a transaction (DataKeys, sealPaths, openAll) that the directory's writer and
 * projection call, so it needs no provider.
 */
@Module({
  providers: [
    // boot checks
    MasterKeyBootCheck,
  ],
})
export class PersonalDataModule {}
