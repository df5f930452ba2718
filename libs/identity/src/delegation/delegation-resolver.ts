import { Injectable } from '@nestjs/common';
import { PeopleReader } from '@liaison/directory';
import { AuthenticatedUser, DelegationResolver, Delegator } from '@liaison/platform';

/**
 * X-On-Behalf-Of from the directory's `delegations` table: active means granted, not ended,
 * `startsAt <= at < endsAt`, both people active. Read per request, so an ended or expired
 * delegation is refused from the next request on.
 */
@Injectable()
export class DirectoryDelegations implements DelegationResolver {
  constructor(private readonly people: PeopleReader) {}

  async delegatorFor(
    actor: AuthenticatedUser,
    delegatorId: string,
    at: Date,
  ): Promise<Delegator | undefined> {
    const delegation = await this.people.activeDelegation(delegatorId, actor.id, at);
    if (!delegation) return undefined;
    const delegator = await this.people.byId(delegatorId);
    if (!delegator || !delegator.active) return undefined;
    return {
      id: delegator.id,
      name: delegator.displayName.ko,
      agency: delegator.agency,
      roles: delegator.roles,
    };
  }
}
