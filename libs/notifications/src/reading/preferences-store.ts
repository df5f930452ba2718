import { Pool, PoolClient } from 'pg';
import { NotificationPreferences, withDefaults } from '../domain/preferences';

/** Per-person preferences; a person who never chose has the defaults (no row). */
export class PreferencesStore {
  constructor(private readonly pool: Pool) {}

  async forPerson(
    personId: string,
    db: Pool | PoolClient = this.pool,
  ): Promise<NotificationPreferences> {
    return (await this.forPeople([personId], db)).get(personId)!;
  }

  async forPeople(
    personIds: readonly string[],
    db: Pool | PoolClient = this.pool,
  ): Promise<Map<string, NotificationPreferences>> {
    const { rows } = await db.query<{
      person_id: string;
      language: string;
      kinds: Record<string, never>;
    }>(
      'SELECT person_id, language, kinds FROM notification_preferences WHERE person_id = ANY($1::uuid[])',
      [personIds],
    );
    const stored = new Map(rows.map((r) => [r.person_id, r]));
    return new Map(personIds.map((id) => [id, withDefaults(stored.get(id))]));
  }

  async save(personId: string, prefs: NotificationPreferences): Promise<void> {
    await this.pool.query(
      `INSERT INTO notification_preferences (person_id, language, kinds, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (person_id) DO UPDATE
         SET language = EXCLUDED.language, kinds = EXCLUDED.kinds, updated_at = now()`,
      [personId, prefs.language, prefs.kinds],
    );
  }
}
