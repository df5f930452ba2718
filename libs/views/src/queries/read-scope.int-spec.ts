/**
 * The read policy has two forms: canSeeFollowUp (the domain, one task in memory) and its SQL
 * twin (read-scope.ts, a row filter). This spec holds them together on generated cases, the
 * condition evaluated by Postgres itself: one task read by id gives the same answer as the
 * domain; a list never shows what the domain hides.
 */
import fc from 'fast-check';
import { Pool } from 'pg';
import { createPgPool } from '@liaison/platform';
import {
  Actor,
  canSeeFollowUp,
  Classification,
  classificationAllows,
  FollowUpState,
  initialFollowUpState,
} from '@liaison/follow-up';
import { testDatabaseUrl } from '../../../../test/support/throwaway-database';
import { boardConditions } from './board-query';
import { followUpScope, hostedClassificationCondition, oneTaskCondition } from './read-scope';
import { SqlParams } from './sql-params';

const AGENCIES = ['MSIT', 'KISA', 'NIS', 'FSI'];
const PEOPLE = ['p-1', 'p-2', 'p-3'];

const actorArb: fc.Arbitrary<Actor> = fc.record({
  id: fc.constantFrom(...PEOPLE),
  role: fc.constantFrom('bureau_head' as const, 'agency_officer' as const, 'auditor' as const),
  agency: fc.constantFrom(...AGENCIES),
});

const classificationArb: fc.Arbitrary<Classification | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant<Classification>({ level: 'public' }),
  fc
    .subarray(AGENCIES, { minLength: 1 })
    .map((agencies): Classification => ({ level: 'restricted', agencies })),
  fc
    .subarray(PEOPLE, { minLength: 1 })
    .map((people): Classification => ({ level: 'confidential', people })),
);

const taskArb: fc.Arbitrary<FollowUpState> = fc
  .record({
    hostAgency: fc.constantFrom(...AGENCIES),
    assigneeAgency: fc.constantFrom(...AGENCIES),
    supporting: fc.subarray(AGENCIES),
    classification: classificationArb,
  })
  .map(({ supporting, classification, ...t }): FollowUpState => ({
    ...initialFollowUpState,
    ...t,
    exists: true,
    followUpId: 'f',
    contributions: supporting.map((agency) => ({
      contributionId: `c-${agency}`,
      agency,
      dueAt: '2026-12-01T00:00:00.000Z',
      status: 'requested' as const,
      recordedVersion: 1,
    })),
    ...(classification && { classification }),
  }));

describe('canSeeFollowUp and its SQL twin (read-scope.ts)', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = createPgPool(testDatabaseUrl(), 2, 'liaison-read-scope-twin');
  });
  afterAll(() => pool.end());

  /** The condition over one row holding the task's columns, answered by Postgres. */
  async function sqlSees(where: (p: SqlParams) => string[], task: FollowUpState): Promise<boolean> {
    const p = new SqlParams();
    const c = task.classification;
    const row = `SELECT ${p.add(task.hostAgency)}::text AS host_agency,
      ${p.add(task.assigneeAgency)}::text AS assignee_agency,
      ${p.add(
        (task.contributions ?? []).map((x) => x.agency),
        'text[]',
      )} AS supporting_agencies,
      ${p.add(c?.level ?? 'public')}::text AS classification_level,
      ${p.add(c?.agencies ?? [], 'text[]')} AS classification_agencies,
      ${p.add(c?.people ?? [], 'text[]')} AS classification_people`;
    const conditions = where(p);
    const { rows } = await pool.query<{ seen: boolean }>(
      `SELECT (${conditions.length ? conditions.join(' AND ') : 'true'}) AS seen FROM (${row}) t`,
      p.values,
    );
    return rows[0].seen;
  }

  it('one task by id: the same answer as the domain', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb, taskArb, async (actor, task) => {
        const sql = await sqlSees((p) => {
          const c = oneTaskCondition(followUpScope(actor), p);
          return c ? [c] : [];
        }, task);
        expect(sql).toBe(canSeeFollowUp(actor, task));
      }),
      { numRuns: 400, seed: 20261129 },
    );
  });

  it('a meeting series or meeting in search: the same answer as classificationAllows', async () => {
    await fc.assert(
      fc.asyncProperty(
        actorArb,
        fc.constantFrom(...AGENCIES),
        classificationArb,
        async (actor, host, c) => {
          const p = new SqlParams();
          const condition = hostedClassificationCondition(followUpScope(actor), p, 'd.');
          const row = `SELECT ${p.add(host)}::text AS scope_host,
            ${p.add(c?.level ?? 'public')}::text AS classification_level,
            ${p.add(c?.agencies ?? [], 'text[]')} AS classification_agencies,
            ${p.add(c?.people ?? [], 'text[]')} AS classification_people`;
          const { rows } = await pool.query<{ seen: boolean }>(
            `SELECT (${condition ?? 'true'}) AS seen FROM (${row}) d`,
            p.values,
          );
          expect(rows[0].seen).toBe(classificationAllows(actor, host, c));
        },
      ),
      { numRuns: 400, seed: 20261131 },
    );
  });

  it('lists (board, inbox, counts): never a task the domain hides', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb, taskArb, async (actor, task) => {
        const sql = await sqlSees((p) => boardConditions(p, followUpScope(actor), {}), task);
        if (sql) expect(canSeeFollowUp(actor, task)).toBe(true);
      }),
      { numRuns: 400, seed: 20261130 },
    );
  });
});
