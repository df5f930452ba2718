import { followUpScope, oneTaskCondition } from './read-scope';
import { SqlParams } from './sql-params';

describe('one task read by id, under the read scope', () => {
  const condition = (actor: Parameters<typeof followUpScope>[0]) => {
    const p = new SqlParams();
    return { sql: oneTaskCondition(followUpScope(actor), p), values: p.values };
  };

  it('an officer reads its agency’s tasks and the leads it contributes to (협조기관)', () => {
    const { sql, values } = condition({ id: 'o', role: 'agency_officer', agency: 'FSI' });
    expect(sql).toMatch(/^\(assignee_agency = \$1 OR \$1 = ANY\(supporting_agencies\)\) AND /);
    // …and only what the classification lets them read (read-scope.int-spec.ts holds the
    // condition to the domain's rule)
    expect(sql).toContain('classification_level');
    expect(values).toEqual(['FSI', 'FSI', 'o']);
  });

  it('a bureau head reads what its agency hosts; an auditor everything', () => {
    expect(condition({ id: 'h', role: 'bureau_head', agency: 'MSIT' })).toEqual({
      sql: 'host_agency = $1',
      values: ['MSIT'],
    });
    expect(condition({ id: 'a', role: 'auditor' }).sql).toBeUndefined();
  });
});
