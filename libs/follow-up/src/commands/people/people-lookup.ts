import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { PersonInfo, Role } from '../../domain';

/**
 * The people a command names (an officer to assign or hand over to), as the directory has them
 * now. The handler asks before deciding and passes the answer to the rules in their context, so
 * the rules stay pure; anyone not in the answer is unknown to them.
 */
export abstract class PeopleLookup {
  abstract byIds(ids: readonly string[]): Promise<ReadonlyMap<string, PersonInfo>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface PersonRow {
  id: string;
  agency: string;
  roles: Role[];
  active: boolean;
  display_name_ko: string;
}

/**
 * Reads the directory's `people` table (its columns are the wave-2 contract; the directory lib
 * keeps it consistent with the log in the transaction of each change, so a deactivation is
 * seen by the very next command). Read, not cached: a command names one person at most.
 */
@Injectable()
export class PeopleTableLookup extends PeopleLookup {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {
    super();
  }

  async byIds(ids: readonly string[]): Promise<ReadonlyMap<string, PersonInfo>> {
    // People are uuids; anything else names nobody (and must not reach a uuid cast).
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
    if (wanted.length === 0) return new Map();
    try {
      const { rows } = await this.pool.query<PersonRow>(
        `SELECT id::text AS id, agency, roles, active, display_name_ko
           FROM people WHERE id = ANY($1::uuid[])`,
        [wanted],
      );
      return new Map(
        rows.map((r): [string, PersonInfo] => [
          r.id,
          { id: r.id, agency: r.agency, roles: r.roles, active: r.active, name: r.display_name_ko },
        ]),
      );
    } catch (err) {
      // A database the directory's migration has not reached knows nobody yet.
      if ((err as { code?: string }).code === '42P01') return new Map();
      throw err;
    }
  }
}
