import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { DataKeys, masterKeyring, openAll, sealField } from '@liaison/personal-data';
import { PG_POOL } from '@liaison/platform';
import { SealedText } from '../domain';

/**
 * Free text a writer marks personal (a comment today): sealed under the author's data key before
 * the rules record it, opened for those who may read the task, "(erased)" once the author is
 * erased (crypto-shredding: @liaison/personal-data). The author's key, because the author is the
 * one person every such text certainly has; text about someone else is theirs to mark, and goes
 * with the author's erasure, not that person's (README, "Personal data").
 */
@Injectable()
export class PersonalText {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async seal(text: string, authorId: string): Promise<SealedText> {
    const keys = new DataKeys(this.pool, masterKeyring());
    return sealField(await keys.getOrCreate(authorId), authorId, text);
  }

  /** Every sealed text in `data` opened (or the erased mark); data without any as it is. */
  open<T>(data: T): Promise<T> {
    return openAll(new DataKeys(this.pool, masterKeyring()), data);
  }
}
