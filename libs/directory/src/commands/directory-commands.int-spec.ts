import { randomUUID } from 'node:crypto';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { adminMeta, directoryOn, newPerson, personMeta } from '../testing/directory-harness';

jest.setTimeout(60_000);

/**
 * The directory's commands on real Postgres: the event and the tables in one transaction, so the
 * very next read sees what the command did; the rules' refusals as typed errors.
 */
describe('DirectoryCommands', () => {
  let db: ThrowawayDatabase;
  let dir: ReturnType<typeof directoryOn>;

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_directory');
    dir = directoryOn(db.pool);
  });
  afterAll(() => db.drop());

  it('registers a person: the stream and the row, readable at once by login and by id', async () => {
    const input = newPerson({ login: 'Kisa.Officer', oidcSubject: 'idp|42' });
    const { personId, version, position, changed } = await dir.commands.registerPerson(
      input,
      adminMeta(),
    );
    expect({ version, changed }).toEqual({ version: 1, changed: true });
    expect(position).toBeGreaterThan(0);

    const person = await dir.people.byLogin('KISA.OFFICER');
    expect(person).toMatchObject({
      id: personId,
      login: 'kisa.officer',
      displayName: { ko: '김민지', en: 'Kim Minji' },
      agency: 'KISA',
      roles: ['agency_officer'],
      active: true,
      oidcSubject: 'idp|42',
      version: 1,
    });
    expect(await dir.people.byId(personId)).toEqual(person);
    expect(await dir.people.byOidcSubject('idp|42')).toEqual(person);
    const [event] = await dir.store.readStream(`person-${personId}`);
    expect(event).toMatchObject({
      type: 'PersonRegistered',
      metadata: { actor: 'admin-1', role: 'admin' },
    });
  });

  it('refuses a login already taken, whatever its case (409), and writes nothing', async () => {
    const first = newPerson();
    await dir.commands.registerPerson(first, adminMeta());
    const again = newPerson({ login: first.login.toUpperCase() });
    await expect(dir.commands.registerPerson(again, adminMeta())).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      field: 'login',
    });
    expect((await dir.people.list()).filter((p) => p.login === first.login)).toHaveLength(1);
  });

  it('event and row are one transaction: a refused row leaves no event behind', async () => {
    const first = newPerson();
    await dir.commands.registerPerson(first, adminMeta());
    // The decider cannot know the login is taken; the table's unique index refuses the row, and
    // the PersonRegistered appended before it goes with the transaction.
    const personId = randomUUID();
    await expect(
      dir.commands.registerPerson({ ...newPerson(), login: first.login, personId }, adminMeta()),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(await dir.store.readStream(`person-${personId}`)).toEqual([]);
    expect(await dir.people.byId(personId)).toBeUndefined();
  });

  it('two registrations racing for one login: one person, one 409', async () => {
    const login = newPerson().login;
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map(() => dir.commands.registerPerson({ ...newPerson(), login }, adminMeta())),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'ALREADY_EXISTS' });
    }
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM events WHERE type = 'PersonRegistered' AND data->>'login' = $1`,
      [login],
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('refuses an agency that is a counterpart or unknown (422 naming agency)', async () => {
    for (const agency of ['OPENAI', 'NOPE']) {
      await expect(
        dir.commands.registerPerson(newPerson({ agency }), adminMeta()),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'agency' });
    }
  });

  it('grants and revokes roles; the row follows in the same transaction', async () => {
    const { personId } = await dir.commands.registerPerson(newPerson(), adminMeta());
    await dir.commands.grantRole(personId, 'bureau_head', adminMeta());
    expect((await dir.people.byId(personId))?.roles).toEqual(['agency_officer', 'bureau_head']);

    await expect(
      dir.commands.grantRole(personId, 'bureau_head', adminMeta()),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', state: 'held' });
    await expect(dir.commands.revokeRole(personId, 'auditor', adminMeta())).rejects.toMatchObject({
      code: 'INVALID_STATE',
      state: 'not_held',
    });

    const revoked = await dir.commands.revokeRole(personId, 'agency_officer', adminMeta());
    expect(revoked.version).toBe(3);
    expect(await dir.people.byId(personId)).toMatchObject({ roles: ['bureau_head'], version: 3 });
    await expect(
      dir.commands.revokeRole(personId, 'bureau_head', adminMeta()),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', state: 'last_role' });
  });

  it('only an admin manages people (403 for anyone else)', async () => {
    const { personId } = await dir.commands.registerPerson(newPerson(), adminMeta());
    await expect(
      dir.commands.grantRole(personId, 'admin', personMeta(personId)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      dir.commands.registerPerson(newPerson(), personMeta(personId)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a deactivated person is inactive at once and cannot be changed or delegated to', async () => {
    const { personId } = await dir.commands.registerPerson(newPerson(), adminMeta());
    const { personId: colleague } = await dir.commands.registerPerson(newPerson(), adminMeta());
    await dir.commands.deactivate(personId, 'left the agency', adminMeta());
    expect((await dir.people.byId(personId))?.active).toBe(false);

    await expect(dir.commands.grantRole(personId, 'auditor', adminMeta())).rejects.toMatchObject({
      code: 'INVALID_STATE',
      state: 'deactivated',
    });
    await expect(
      dir.commands.grantDelegation(
        {
          fromPerson: colleague,
          toPerson: personId,
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
        personMeta(colleague),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', state: 'deactivated' });
  });

  it('If-Match on a moved stream is a 409 and appends nothing', async () => {
    const { personId } = await dir.commands.registerPerson(newPerson(), adminMeta());
    await expect(
      dir.commands.grantRole(personId, 'auditor', { ...adminMeta(), expectedVersion: 7 }),
    ).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    expect(await dir.store.readStream(`person-${personId}`)).toHaveLength(1);
  });

  it('concurrent grants of different roles on one person both land (decided again on the news)', async () => {
    const { personId } = await dir.commands.registerPerson(newPerson(), adminMeta());
    await Promise.all([
      dir.commands.grantRole(personId, 'auditor', adminMeta()),
      dir.commands.grantRole(personId, 'bureau_head', adminMeta()),
    ]);
    const person = await dir.people.byId(personId);
    expect([...(person?.roles ?? [])].sort()).toEqual(['agency_officer', 'auditor', 'bureau_head']);
    expect(person?.version).toBe(3);
  });

  it('an Idempotency-Key seed gives the same person and no second event on a retry', async () => {
    const meta = { ...adminMeta(), idempotencySeed: `seed-${Date.now()}` };
    const input = newPerson();
    const first = await dir.commands.registerPerson(input, meta);
    const retry = await dir.commands.registerPerson(input, meta);
    expect(retry).toMatchObject({ personId: first.personId, version: 1 });
    expect(await dir.store.readStream(`person-${first.personId}`)).toHaveLength(1);
  });

  it('an agency with active people is not deactivated (409); once they are gone, it is', async () => {
    await dir.commands.registerAgency({ code: 'KCSC', name: 'KCSC', kind: 'agency' }, adminMeta());
    const { personId } = await dir.commands.registerPerson(
      newPerson({ agency: 'KCSC' }),
      adminMeta(),
    );
    await expect(
      dir.commands.updateAgency('KCSC', { active: false }, adminMeta()),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', state: 'has_people' });
    await dir.commands.deactivate(personId, 'agency closing', adminMeta());
    await dir.commands.updateAgency('KCSC', { active: false }, adminMeta());
    const { rows } = await db.pool.query(`SELECT active FROM agencies WHERE code = 'KCSC'`);
    expect(rows).toEqual([{ active: false }]);
    await expect(
      dir.commands.registerPerson(newPerson({ agency: 'KCSC' }), adminMeta()),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'agency' });
  });

  describe('delegations', () => {
    const hour = 3_600_000;
    const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

    it('a person delegates to a colleague; active from startsAt until endsAt; ended early', async () => {
      const { personId: from } = await dir.commands.registerPerson(newPerson(), adminMeta());
      const { personId: to } = await dir.commands.registerPerson(newPerson(), adminMeta());
      const { delegationId } = await dir.commands.grantDelegation(
        { fromPerson: from, toPerson: to, startsAt: iso(-hour), endsAt: iso(hour), reason: '출장' },
        personMeta(from),
      );
      expect(await dir.people.activeDelegation(from, to)).toMatchObject({
        id: delegationId,
        fromPerson: from,
        toPerson: to,
        reason: '출장',
      });
      // Not the other way round, and not after it ends by itself.
      expect(await dir.people.activeDelegation(to, from)).toBeUndefined();
      expect(
        await dir.people.activeDelegation(from, to, new Date(Date.now() + 2 * hour)),
      ).toBeUndefined();
      expect((await dir.people.delegationsOf(to)).map((d) => d.id)).toEqual([delegationId]);

      await dir.commands.endDelegation(delegationId, personMeta(to));
      expect(await dir.people.activeDelegation(from, to)).toBeUndefined();
      await expect(
        dir.commands.endDelegation(delegationId, personMeta(from)),
      ).rejects.toMatchObject({ code: 'INVALID_STATE', state: 'ended' });
    });

    it('refuses another agency, oneself, and a grant for someone else (non-admin)', async () => {
      const { personId: from } = await dir.commands.registerPerson(newPerson(), adminMeta());
      const { personId: other } = await dir.commands.registerPerson(
        newPerson({ agency: 'MSIT' }),
        adminMeta(),
      );
      const { personId: colleague } = await dir.commands.registerPerson(newPerson(), adminMeta());
      const period = { startsAt: iso(0), endsAt: iso(hour) };
      await expect(
        dir.commands.grantDelegation(
          { fromPerson: from, toPerson: other, ...period },
          personMeta(from),
        ),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'toPersonId' });
      await expect(
        dir.commands.grantDelegation(
          { fromPerson: from, toPerson: from, ...period },
          personMeta(from),
        ),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'toPersonId' });
      await expect(
        dir.commands.grantDelegation(
          { fromPerson: from, toPerson: colleague, ...period },
          personMeta(colleague),
        ),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // An admin may grant it for them.
      await dir.commands.grantDelegation(
        { fromPerson: from, toPerson: colleague, ...period },
        adminMeta(),
      );
      expect(await dir.people.activeDelegation(from, colleague)).toBeDefined();
    });

    it('a delegation stops counting once its two people are no longer of one agency', async () => {
      const { personId: from } = await dir.commands.registerPerson(newPerson(), adminMeta());
      const { personId: to } = await dir.commands.registerPerson(newPerson(), adminMeta());
      await dir.commands.grantDelegation(
        { fromPerson: from, toPerson: to, startsAt: iso(-hour), endsAt: iso(hour) },
        personMeta(from),
      );
      await dir.commands.updatePerson(to, { agency: 'MSIT' }, adminMeta());
      expect(await dir.people.activeDelegation(from, to)).toBeUndefined();
    });

    it('a delegation stops counting once either person is deactivated', async () => {
      const { personId: from } = await dir.commands.registerPerson(newPerson(), adminMeta());
      const { personId: to } = await dir.commands.registerPerson(newPerson(), adminMeta());
      await dir.commands.grantDelegation(
        { fromPerson: from, toPerson: to, startsAt: iso(-hour), endsAt: iso(hour) },
        personMeta(from),
      );
      await dir.commands.deactivate(to, 'left', adminMeta());
      expect(await dir.people.activeDelegation(from, to)).toBeUndefined();
    });
  });
});
