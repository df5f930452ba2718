import { Injectable } from '@nestjs/common';
import { PeopleReader } from '@liaison/directory';
import { PersonInfo } from '../../domain';

/**
 * The people a command names (an officer to assign or hand over to), as the directory has them
 * now. The handler asks before deciding and passes the answer to the rules in their context, so
 * the rules stay pure; anyone not in the answer is unknown to them.
 */
export abstract class PeopleLookup {
  abstract byIds(ids: readonly string[]): Promise<ReadonlyMap<string, PersonInfo>>;
}

/**
 * Through the directory's reader (the `people` table the directory keeps consistent with the
 * log in the transaction of each change, so a deactivation is seen by the very next command).
 * Not cached: a command names one person at most.
 */
@Injectable()
export class DirectoryPeopleLookup extends PeopleLookup {
  constructor(private readonly people: PeopleReader) {
    super();
  }

  async byIds(ids: readonly string[]): Promise<ReadonlyMap<string, PersonInfo>> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.people.byId(id)));
    return new Map(
      found.flatMap((p): [string, PersonInfo][] =>
        p
          ? [
              [
                p.id,
                {
                  id: p.id,
                  agency: p.agency,
                  roles: p.roles,
                  active: p.active,
                  name: p.displayName.ko,
                },
              ],
            ]
          : [],
      ),
    );
  }
}
