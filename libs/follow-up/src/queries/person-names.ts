import { Injectable } from '@nestjs/common';
import { DisplayName, PeopleReader } from '@liaison/directory';

/**
 * People's display names for answers that name them (a task's officer, who did each step of its
 * timeline). Events carry only ids: a name changes, and personal data stays out of the log.
 * Ids that are no person of the directory (a development token's subject, `system`) get none.
 */
@Injectable()
export class PersonNames {
  constructor(private readonly people: PeopleReader) {}

  async of(ids: readonly (string | undefined)[]): Promise<Record<string, DisplayName>> {
    const distinct = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
    const found = await Promise.all(distinct.map((id) => this.people.byId(id)));
    const names: Record<string, DisplayName> = {};
    for (const p of found) if (p) names[p.id] = { ko: p.displayName.ko, en: p.displayName.en };
    return names;
  }
}
