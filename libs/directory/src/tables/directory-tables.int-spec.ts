import { EventStore } from '@liaison/event-store';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { adoptExistingAgencies } from '../adoption/adopt-agencies';
import { adminMeta, directoryOn, newPerson, personMeta } from '../testing/directory-harness';
import { checkDirectory, DIRECTORY_TABLES, rebuildDirectory } from './directory-rebuild';

jest.setTimeout(60_000);

/**
 * The directory's tables are projections of the log: a database whose agencies are bare rows
 * (every database before wave 2) is adopted without losing a row, and the tables can be checked
 * against the log and rebuilt from it.
 */
describe('directory tables and the log', () => {
  let db: ThrowawayDatabase;
  let dir: ReturnType<typeof directoryOn>;

  const agencyRows = async () =>
    (
      await db.pool.query(
        `SELECT ${DIRECTORY_TABLES.agencies.join(', ')} FROM agencies ORDER BY code`,
      )
    ).rows;
  const agencyStreams = async () =>
    (
      await db.pool.query<{ stream_id: string; n: number }>(
        `SELECT stream_id, count(*)::int AS n FROM events WHERE stream_id LIKE 'agency-%'
         GROUP BY stream_id ORDER BY stream_id`,
      )
    ).rows;
  const snapshot = async () => {
    const out: Record<string, unknown[]> = {};
    for (const [table, columns] of Object.entries(DIRECTORY_TABLES)) {
      const order = columns.slice(0, table === 'role_periods' ? 4 : 1).join(', ');
      out[table] = (
        await db.pool.query(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order}`)
      ).rows;
    }
    return out;
  };

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_directory_tables');
    dir = directoryOn(db.pool);
  });
  afterAll(() => db.drop());

  it('adopts every bare agency row, a hand-inserted one too, into a stream; no row is lost', async () => {
    // As an operator would have added it before the directory was kept as events.
    await db.pool.query(
      `INSERT INTO agencies (code, name, kind, active) VALUES ('HANDMADE', 'Added by hand', 'agency', false)`,
    );
    await db.pool.query(
      `INSERT INTO agencies (code, name, kind, liaison_agency) VALUES ('GOOGLE', 'Google', 'counterpart', 'KISA')`,
    );
    const before = await agencyRows();
    expect(before).toHaveLength(12);
    expect(await agencyStreams()).toEqual([]);

    const adopted = await adoptExistingAgencies(db.pool, dir.writer);

    expect([...adopted].sort()).toEqual(before.map((r) => r.code).sort());
    expect(await agencyRows()).toEqual(before);
    const streams = await agencyStreams();
    expect(streams.map((s) => s.stream_id)).toEqual(before.map((r) => `agency-${r.code}`));
    // The inactive row: registered, then updated to inactive.
    expect(streams.find((s) => s.stream_id === 'agency-HANDMADE')?.n).toBe(2);
    const [google] = await dir.store.readStream('agency-GOOGLE');
    expect(google).toMatchObject({
      type: 'AgencyRegistered',
      data: { code: 'GOOGLE', kind: 'counterpart', liaisonAgency: 'KISA', adopted: true },
      metadata: { actor: 'system', role: 'system' },
    });

    // Again (the next boot, or several processes at once): nothing more.
    const again = await Promise.all([
      adoptExistingAgencies(db.pool, dir.writer),
      adoptExistingAgencies(db.pool, dir.writer),
    ]);
    expect(again).toEqual([[], []]);
    expect(await agencyStreams()).toEqual(streams);
    expect((await checkDirectory(db.pool)).ok).toBe(true);
  });

  it('checks the tables against the log, and rebuilds them to what the log says', async () => {
    await dir.commands.registerAgency(
      { code: 'KCC', name: 'Korea Communications Commission', kind: 'agency' },
      adminMeta(),
    );
    await dir.commands.updateAgency('GOOGLE', { liaisonAgency: 'KCC' }, adminMeta());
    const a = await dir.commands.registerPerson(newPerson({ agency: 'KCC' }), adminMeta());
    const b = await dir.commands.registerPerson(
      newPerson({ agency: 'KCC', oidcSubject: 'idp|b' }),
      adminMeta(),
    );
    await dir.commands.grantRole(a.personId, 'bureau_head', adminMeta());
    await dir.commands.revokeRole(a.personId, 'agency_officer', adminMeta());
    await dir.commands.updatePerson(b.personId, { agency: 'MSIT' }, adminMeta());
    const soon = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const { delegationId } = await dir.commands.grantDelegation(
      {
        fromPerson: a.personId,
        toPerson: (await registerColleague()).personId,
        startsAt: soon(0),
        endsAt: soon(5),
      },
      personMeta(a.personId, 'KCC'),
    );
    await dir.commands.endDelegation(delegationId, adminMeta());
    await dir.commands.deactivate(b.personId, 'moved on', adminMeta());
    const expected = await snapshot();
    expect(await checkDirectory(db.pool)).toMatchObject({ ok: true, differences: [] });

    // Tables drift: a lost role period, a revived person, a renamed agency, a stray delegation.
    await db.pool.query('DELETE FROM role_periods WHERE person_id = $1', [a.personId]);
    await db.pool.query('UPDATE people SET active = true WHERE id = $1', [b.personId]);
    await db.pool.query(`UPDATE agencies SET name = 'renamed' WHERE code = 'KCC'`);
    await db.pool.query('UPDATE delegations SET ended_at = NULL');
    const check = await checkDirectory(db.pool);
    expect(check.ok).toBe(false);
    expect(check.differences.map((d) => d.table).sort()).toEqual([
      'agencies',
      'delegations',
      'people',
      'role_periods',
    ]);

    const rebuilt = await rebuildDirectory(db.pool, new EventStore(db.pool));
    expect(rebuilt).toMatchObject({ ok: true, adopted: [] });
    expect(await snapshot()).toEqual(expected);

    async function registerColleague() {
      return dir.commands.registerPerson(newPerson({ agency: 'KCC' }), adminMeta());
    }
  });

  it('answers who held a role at an agency on a date: granted, then revoked', async () => {
    const { personId } = await dir.commands.registerPerson(
      newPerson({ agency: 'MSIT', roles: ['agency_officer'] }),
      adminMeta(),
    );
    const granted = await dir.commands.grantRole(personId, 'bureau_head', adminMeta());
    const grantedAt = (await dir.store.readStream(`person-${personId}`))[granted.version - 1]
      .recordedAt;
    await new Promise((r) => setTimeout(r, 20));
    const between = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await dir.commands.revokeRole(personId, 'bureau_head', adminMeta());
    await new Promise((r) => setTimeout(r, 20));
    const after = new Date();

    const holders = (on: Date | string) =>
      dir.people.roleHolders('bureau_head', 'MSIT', on).then((h) => h.map((x) => x.personId));
    expect(await holders(new Date(grantedAt.getTime() - 1))).not.toContain(personId);
    expect(await holders(between)).toContain(personId);
    expect(await holders(between.toISOString())).toContain(personId);
    expect(await holders(after)).not.toContain(personId);
    // Another agency or role: not them.
    expect(await dir.people.roleHolders('bureau_head', 'KISA', between)).toEqual([]);

    // By the day (Korea's calendar): held on the day of the grant, not the day after.
    const kstDay = (d: Date, plusDays = 0) =>
      new Date(d.getTime() + 9 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
    const [onTheDay] = await dir.people.roleHolders('bureau_head', 'MSIT', kstDay(between));
    expect(onTheDay).toMatchObject({ personId, role: 'bureau_head', agency: 'MSIT' });
    expect(onTheDay.revokedAt).toBeDefined();
    expect(await holders(kstDay(between, 1))).not.toContain(personId);
    expect(await holders(kstDay(between, -1))).not.toContain(personId);
  });
});
