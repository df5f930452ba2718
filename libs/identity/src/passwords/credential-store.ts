import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';

/** Password hashes by person (table `credentials`): never in the event log. */
@Injectable()
export class CredentialStore {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async hashOf(personId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ password_hash: string }>(
      'SELECT password_hash FROM credentials WHERE person_id = $1',
      [personId],
    );
    return rows[0]?.password_hash;
  }

  /** `setBy`: 'self', 'seed', or the admin's id. */
  async set(personId: string, passwordHash: string, setBy: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO credentials (person_id, password_hash, set_by) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE
         SET password_hash = EXCLUDED.password_hash, set_at = now(), set_by = EXCLUDED.set_by`,
      [personId, passwordHash, setBy],
    );
  }

  /** Only when the person has none yet (the development seed never overwrites a change). */
  async setIfAbsent(personId: string, passwordHash: string, setBy: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO credentials (person_id, password_hash, set_by) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO NOTHING`,
      [personId, passwordHash, setBy],
    );
    return rowCount === 1;
  }
}
