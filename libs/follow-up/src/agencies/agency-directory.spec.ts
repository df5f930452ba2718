import { Pool } from 'pg';
import { AgencyDirectory } from './agency-directory';

const ROW = { code: 'KISA', name: 'KISA', kind: 'agency', active: true, liaison_agency: null };

/** A pool whose reads stay open until the test answers them, each with its own rows. */
function heldPool() {
  const reads: ((rows: unknown[]) => void)[] = [];
  const pool = {
    query: () => new Promise((resolve) => reads.push((rows) => resolve({ rows }))),
  } as unknown as Pool;
  return { pool, reads };
}

describe('AgencyDirectory', () => {
  it('answers the commands that find the snapshot expired together with one read', async () => {
    const { pool, reads } = heldPool();
    const directory = new AgencyDirectory(pool);
    const waiting = [directory.snapshot(), directory.snapshot(), directory.list()];
    await Promise.resolve();
    expect(reads).toHaveLength(1);
    reads[0]([ROW]);
    const [a, b, list] = await Promise.all(waiting);
    expect(a).toBe(b);
    expect(list).toEqual([{ code: 'KISA', name: 'KISA', kind: 'agency', active: true }]);
    await directory.snapshot(); // kept: no second read
    expect(reads).toHaveLength(1);
  });

  it('reads again after invalidate, and keeps no read begun before it', async () => {
    const { pool, reads } = heldPool();
    const directory = new AgencyDirectory(pool);
    const before = directory.snapshot();
    await Promise.resolve();
    directory.invalidate(); // a change committed while the first read was under way
    const after = directory.snapshot();
    await Promise.resolve();
    expect(reads).toHaveLength(2);
    reads[0]([]);
    reads[1]([ROW]);
    expect((await before).size).toBe(0);
    expect((await after).has('KISA')).toBe(true);
    expect((await directory.snapshot()).has('KISA')).toBe(true);
    expect(reads).toHaveLength(2);
  });
});
