/**
 * What erasing a person removes besides their data key: the rows outside the directory that
 * hold their name or address in clear, or let them in. The directory's own rows are rewritten by
 * its projection of PersonErased (libs/directory). Named tables only, by SQL (this lib imports
 * none of their owners): identity's sessions and credentials, the person's own notifications,
 * e-mail outbox and digests, and their name in other people's notification texts.
 *
 * Not covered (see the README's "Personal data"): free text people typed (comments, notes,
 * answers) is not marked personal in this version and is not rewritten.
 */
import { PoolClient } from 'pg';
import { ERASED, ERASED_KO } from '../fields/sealed-field';

export interface ClearPersonalValues {
  displayName: { ko: string; en: string };
  email: string;
}

export async function eraseElsewhere(
  tx: Pick<PoolClient, 'query'>,
  personId: string,
  clear: ClearPersonalValues,
): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE person_id = $1', [personId]);
  await tx.query('DELETE FROM credentials WHERE person_id = $1', [personId]);
  await tx.query('DELETE FROM notification_outbox WHERE person_id = $1', [personId]);
  await tx.query('DELETE FROM notification_digests WHERE person_id = $1', [personId]);
  await tx.query('DELETE FROM notifications WHERE person_id = $1', [personId]);
  await tx.query('DELETE FROM notification_preferences WHERE person_id = $1', [personId]);
  // Others' messages may name them ("assigned to …"): the name is replaced in what is unsent
  // and in what was sent (the copy kept for redelivery).
  const pairs: [string, string][] = [
    [clear.displayName.ko, ERASED_KO],
    [clear.displayName.en, ERASED],
    [clear.email, ERASED],
  ].filter(([s]) => s.length >= 2 && s !== ERASED && s !== ERASED_KO) as [string, string][];
  for (const [text, mark] of pairs) {
    for (const table of ['notification_outbox', 'notification_digests']) {
      await tx.query(
        `UPDATE ${table} SET subject = replace(subject, $1, $2), body = replace(body, $1, $2)
         WHERE strpos(subject, $1) > 0 OR strpos(body, $1) > 0`,
        [text, mark],
      );
    }
    await tx.query(
      `UPDATE notifications SET facts = replace(facts::text, $1, $2)::jsonb
       WHERE strpos(facts::text, $1) > 0`,
      [JSON.stringify(text).slice(1, -1), JSON.stringify(mark).slice(1, -1)],
    );
  }
}
