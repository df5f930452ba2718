import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createPgPool } from '@liaison/platform';
import { testDatabaseUrl } from '../../../../test/support/throwaway-database';
import { EmailOutbox, OutboxKey } from './email-outbox';

/** The outbox's coalesced claim and sent mark, on real Postgres. */
describe('EmailOutbox', () => {
  let pool: Pool;
  let statements: string[];

  beforeAll(() => {
    pool = createPgPool(testDatabaseUrl(), 4, 'liaison-email-outbox-spec');
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    // a real pool, counted: the claims' and marks' statements
    pool.query = ((...args: unknown[]) => {
      if (typeof args[0] === 'string') statements.push(args[0]);
      return query(...args);
    }) as typeof pool.query;
  });
  beforeEach(() => {
    statements = [];
  });
  afterAll(() => pool.end());

  async function planted(n: number, status = 'pending'): Promise<OutboxKey[]> {
    const keys = Array.from({ length: n }, () => ({
      eventId: randomUUID(),
      personId: randomUUID(),
    }));
    for (const k of keys) {
      await pool.query(
        `INSERT INTO notification_outbox
           (event_id, person_id, channel, kind, email, language, subject, body, message_id, day,
            status, sending_at)
         VALUES ($1::uuid, $2::uuid, 'email', 'assignment', 'o@spec.liaison', 'ko', '제목', '본문',
                 '<' || $1::text || '@spec.liaison>', current_date, $3::text,
                 CASE WHEN $3::text = 'sending' THEN now() END)`,
        [k.eventId, k.personId, status],
      );
    }
    statements = [];
    return keys;
  }

  const statusOf = async (k: OutboxKey) =>
    (
      await pool.query<{ status: string }>(
        `SELECT status FROM notification_outbox WHERE event_id = $1 AND person_id = $2`,
        [k.eventId, k.personId],
      )
    ).rows[0]?.status;

  it('claims made in one turn go to Postgres as one statement, each caller getting its own row', async () => {
    const outbox = new EmailOutbox(pool, 30_000);
    const keys = await planted(5);
    const claimed = await Promise.all(keys.map((k) => outbox.claim(k)));
    expect(statements.filter((s) => s.includes('UPDATE notification_outbox'))).toHaveLength(1);
    expect(claimed.map((c) => typeof c === 'object' && c.message_id)).toEqual(
      keys.map((k) => `<${k.eventId}@spec.liaison>`),
    );
    for (const k of keys) expect(await statusOf(k)).toBe('sending');
  });

  it('the same e-mail twice in one batch is claimed once: the other caller is told it is busy', async () => {
    const outbox = new EmailOutbox(pool, 30_000);
    const [k] = await planted(1);
    const answers = await Promise.all([outbox.claim(k), outbox.claim({ ...k })]);
    expect(answers.filter((a) => typeof a === 'object')).toHaveLength(1);
    expect(answers.filter((a) => a === 'busy')).toHaveLength(1);
  });

  it('says why a claim took no row: sent, unknown, or claimed by another sender within a lock', async () => {
    const outbox = new EmailOutbox(pool, 30_000);
    const [sent] = await planted(1, 'sent');
    const [sending] = await planted(1, 'sending');
    const unknown = { eventId: randomUUID(), personId: randomUUID() };
    expect(
      await Promise.all([outbox.claim(sent), outbox.claim(sending), outbox.claim(unknown)]),
    ).toEqual(['already-sent', 'busy', 'unknown']);
    // a claim older than the lock is taken over (its sender died)
    expect(typeof (await new EmailOutbox(pool, 0).claim(sending))).toBe('object');
  });

  it('marks sent without keeping the caller waiting, in one statement per turn; drain waits for them', async () => {
    const outbox = new EmailOutbox(pool, 30_000);
    const keys = await planted(4);
    await Promise.all(keys.map((k) => outbox.claim(k)));
    statements = [];
    keys.forEach((k) => outbox.markSent(k));
    await outbox.drain();
    expect(statements.filter((s) => s.includes("status = 'sent'"))).toHaveLength(1);
    for (const k of keys) expect(await statusOf(k)).toBe('sent');
  });
});
