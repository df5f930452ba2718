import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { AccessLog } from './access-log';

describe('AccessLog (audit_access_log)', () => {
  let db: ThrowawayDatabase;
  let log: AccessLog;

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_audit');
    log = new AccessLog(db.pool);
    const auditor = { actor: 'inspector-1', role: 'auditor' };
    await log.record(auditor, 'verify', 'log');
    await log.record(auditor, 'read_stream', 'follow-up-1', { toVersion: 3 });
    await log.record({ actor: 'inspector-2', role: 'auditor' }, 'export', 'log');
    await log.record(auditor, 'as_of', 'follow-up-1', { asOf: '2025-06-01T00:00:00.000Z' });
  });
  afterAll(() => db.drop());

  it('records who read what, with parameters and time', async () => {
    const { entries } = await log.query({ actor: 'inspector-1', action: 'read_stream' });
    expect(entries).toEqual([
      {
        id: expect.any(Number),
        actor: 'inspector-1',
        role: 'auditor',
        action: 'read_stream',
        target: 'follow-up-1',
        params: { toVersion: 3 },
        at: expect.any(Date),
      },
    ]);
  });

  it('filters by actor, action and time, newest first, in pages', async () => {
    const first = await log.query({ actor: 'inspector-1', limit: 2 });
    expect(first.entries.map((e) => e.action)).toEqual(['as_of', 'read_stream']);
    const second = await log.query({ actor: 'inspector-1', limit: 2, before: first.next });
    expect(second.entries.map((e) => e.action)).toEqual(['verify']);
    expect(second.next).toBeUndefined();
    expect((await log.query({ action: 'export' })).entries.map((e) => e.actor)).toEqual([
      'inspector-2',
    ]);
    expect((await log.query({ since: new Date(Date.now() + 60_000) })).entries).toEqual([]);
  });

  it.each([
    ['UPDATE', `UPDATE audit_access_log SET actor = 'someone-else'`],
    ['DELETE', 'DELETE FROM audit_access_log'],
    ['TRUNCATE', 'TRUNCATE audit_access_log'],
  ])('refuses %s', async (op, sql) => {
    await expect(db.pool.query(sql)).rejects.toThrow(
      `audit_access_log is append-only: ${op} refused`,
    );
    expect((await log.query()).entries).toHaveLength(4);
  });
});
