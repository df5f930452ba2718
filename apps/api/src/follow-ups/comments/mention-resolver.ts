import { Injectable } from '@nestjs/common';
import { PeopleReader } from '@liaison/directory';
import { mentionCandidates } from '@liaison/follow-up';

/** At most this many `@login`s are looked up per comment: a body cannot fan out into queries. */
const MAX_MENTIONS = 20;

/**
 * Turns the `@login`s of a comment's body into person ids through the directory. A token that
 * names nobody is left as text (people write `@` for other things, and a typo must not refuse
 * the comment); a person who is named is then held by the rules to being able to see the task.
 */
@Injectable()
export class MentionResolver {
  constructor(private readonly people: PeopleReader) {}

  async personIds(body: string, explicit: readonly string[] = []): Promise<string[]> {
    const ids = new Set(explicit);
    for (const candidates of mentionCandidates(body).slice(0, MAX_MENTIONS)) {
      for (const login of candidates) {
        const person = await this.people.byLogin(login);
        if (person) {
          ids.add(person.id);
          break;
        }
      }
    }
    return [...ids];
  }
}
