import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { testPool } from '../../../../test/support/database';
import { queuedJob } from '../queues/queued-job';
import { JobLedger } from './job-ledger';

describe('JobLedger on Postgres', () => {
  let pool: Pool;
  let ledger: JobLedger;
  const queue = `spec-${randomUUID().slice(0, 8)}`;
  const job = (id: string) => ({ queue, id, name: 'deliver-task', payload: { id } });

  beforeAll(() => {
    pool = testPool(4);
    ledger = new JobLedger(pool, pool);
  });
  afterAll(async () => {
    await pool.query('DELETE FROM job_ledger WHERE queue = $1', [queue]);
    await pool.end();
  });

  const outcomeOf = async (id: string) =>
    (
      await pool.query('SELECT outcome FROM job_ledger WHERE queue = $1 AND job_id = $2', [
        queue,
        id,
      ])
    ).rows[0]?.outcome;

  it('settles the jobs of one turn together, each first outcome staying', async () => {
    const timer = queuedJob(queue, 'mark-overdue', 'follow-on-1', {
      followUpId: randomUUID(),
      dueAt: '2027-01-01T00:00:00.000Z',
      correlationId: 'c',
    });
    const queries = jest.spyOn(pool, 'query');
    await Promise.all([
      ledger.settle(job('a'), 'done a', 'w1', [timer]),
      ledger.settle(job('b'), 'done b', 'w1', []),
      ledger.settle(job('a'), 'a again', 'w2', [{ ...timer, id: 'follow-on-2' }]), // a duplicate run
    ]);
    const statements = queries.mock.calls.length;
    queries.mockRestore();
    expect(statements).toBe(1);
    expect(await outcomeOf('a')).toBe('done a');
    expect(await outcomeOf('b')).toBe('done b');
    expect(await outcomeOf('follow-on-1')).toBeNull(); // recorded, not finished
    expect(await outcomeOf('follow-on-2')).toBeNull(); // the duplicate's follow-on is kept too

    await ledger.settle(job('b'), 'b later', 'w2', []);
    expect(await outcomeOf('b')).toBe('done b');
  });

  it('answers which of many jobs are finished in one query', async () => {
    await ledger.finish(job('c'), 'done c', 'w1');
    const queries = jest.spyOn(pool, 'query');
    const answers = await Promise.all(
      ['c', 'follow-on-1', 'never-seen'].map((id) => ledger.isFinished(queue, id)),
    );
    const statements = queries.mock.calls.length;
    queries.mockRestore();
    expect(answers).toEqual([true, false, false]);
    expect(statements).toBe(1);
  });
});
