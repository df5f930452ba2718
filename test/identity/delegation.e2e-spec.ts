/**
 * Delegation (대결) through X-On-Behalf-Of: an acting officer's command records both people,
 * and once the delegation's end has passed the header is refused with 403.
 */
import { Pool } from 'pg';
import { DirectoryCommands, systemMeta } from '@liaison/directory';
import { TestApi } from '../support/api';
import { testPool } from '../support/database';
import { createFollowUp, createWorkshop } from '../support/fixtures';
import { newPerson, session, startIdentityApi, withSession } from './identity-harness';

let api: TestApi;
let pool: Pool;
beforeAll(async () => {
  api = await startIdentityApi();
  pool = testPool(2);
});
afterAll(async () => {
  await pool.end();
  await api.close();
});

it('an acting officer’s command records the actor and on_behalf_of; after the end date → 403', async () => {
  const absent = await newPerson(api, ['agency_officer'], 'KISA');
  const acting = await newPerson(api, ['agency_officer'], 'KISA');
  const followUp = await createFollowUp(api.url, await createWorkshop(api.url));
  const absentSession = await session(api.url, absent.login, absent.password);
  const claimed = await withSession(
    api.url,
    'POST',
    `/v1/follow-ups/${followUp}/claim`,
    absentSession,
    {},
  );
  expect(claimed.status).toBe(200);

  const endsAt = new Date(Date.now() + 2500);
  await api.app.get(DirectoryCommands).grantDelegation(
    {
      fromPerson: absent.id,
      toPerson: acting.id,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: endsAt.toISOString(),
      reason: 'annual leave',
    },
    systemMeta('spec'),
  );
  const s = await session(api.url, acting.login, acting.password);
  const me = await withSession(api.url, 'GET', '/v1/me', s);
  expect(me.body.delegations).toEqual([
    expect.objectContaining({ fromPerson: absent.id, toPerson: acting.id }),
  ]);

  const onBehalf = { headers: { 'x-on-behalf-of': absent.id } };
  const done = await withSession(
    api.url,
    'POST',
    `/v1/follow-ups/${followUp}/acknowledge`,
    s,
    {},
    onBehalf,
  );
  expect(done.status).toBe(200);
  const { rows } = await pool.query<{ metadata: Record<string, unknown> }>(
    `SELECT metadata FROM events WHERE stream_id = $1 AND type = 'FollowUpAcknowledged'`,
    [`follow-up-${followUp}`],
  );
  expect(rows[0].metadata).toMatchObject({ actor: acting.id, on_behalf_of: absent.id });

  // someone who gave no delegation
  const stranger = await newPerson(api, ['agency_officer'], 'KISA');
  const refused = await withSession(api.url, 'GET', '/v1/me', s, undefined, {
    headers: { 'x-on-behalf-of': stranger.id },
  });
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ message: expect.stringMatching(/^X-On-Behalf-Of/) });

  await new Promise((r) => setTimeout(r, Math.max(0, endsAt.getTime() - Date.now()) + 100));
  const late = await withSession(
    api.url,
    'POST',
    `/v1/follow-ups/${followUp}/start`,
    s,
    {},
    onBehalf,
  );
  expect(late.status).toBe(403);
  expect(late.body).toMatchObject({ message: expect.stringMatching(/^X-On-Behalf-Of/) });
});
