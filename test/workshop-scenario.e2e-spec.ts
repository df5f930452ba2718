import { Pool } from 'pg';
import { tokenFor, startTestApi, TestApi } from './support/api';
import { testPool } from './support/database';
import { auditor, createFollowUp, createWorkshop, kisaOfficer, msitHead } from './support/fixtures';
import { call } from './support/http';
import { playScenario, ScenarioResult } from '../scripts/demo/workshop-scenario';

/** The main job's scenario end to end through HTTP, on the real Postgres. */
describe('the week of 11 and 18 November', () => {
  let api: TestApi;
  let pool: Pool;
  let result: ScenarioResult;

  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(2);
    result = await playScenario(api.url, (role, agency) => tokenFor(role, agency));
  });
  afterAll(async () => {
    await api.close();
    await pool.end();
  });

  const followUp = async (id: string) =>
    (await call<Record<string, unknown>>(api.url, 'GET', `/v1/follow-ups/${id}`, auditor)).body;

  // Versions are not asserted: a router running beside the API adds routing events.
  it('ends each follow-up in the state the scenario worked it to', async () => {
    const expected = {
      channel: { assigneeAgency: 'KISA', status: 'accepted' },
      evaluation: { assigneeAgency: 'AISI', status: 'accepted' },
      threatInfo: { assigneeAgency: 'MSIT', status: 'in_progress' },
      financial: { assigneeAgency: 'FSC', status: 'in_progress' },
      intel: { assigneeAgency: 'NIS', status: 'acknowledged' },
      frontier: { assigneeAgency: 'NIS', status: 'accepted' },
    };
    for (const [name, state] of Object.entries(expected)) {
      expect({
        name,
        ...(await followUp(result.followUps[name as keyof typeof expected])),
      }).toMatchObject({
        name,
        ...state,
      });
    }
  });

  it('records the rejected and resubmitted history in order', async () => {
    const { rows } = await pool.query(
      'SELECT type FROM events WHERE stream_id = $1 ORDER BY version',
      [`follow-up-${result.followUps.evaluation}`],
    );
    expect(rows.map((r) => r.type)).toEqual([
      'FollowUpAssigned',
      'FollowUpAcknowledged',
      'FollowUpStarted',
      'FollowUpSubmitted',
      'FollowUpRejected',
      'FollowUpStarted',
      'FollowUpSubmitted',
      'FollowUpAccepted',
    ]);
  });

  it('hands the declined task to the new agency and out of the old one’s sight', async () => {
    const id = result.followUps.financial;
    const fsi = await call(
      api.url,
      'GET',
      `/v1/follow-ups/${id}`,
      tokenFor('agency_officer', 'FSI'),
    );
    const fsc = await call(
      api.url,
      'GET',
      `/v1/follow-ups/${id}`,
      tokenFor('agency_officer', 'FSC'),
    );
    expect(fsi.status).toBe(404);
    expect(fsc.status).toBe(200);
    expect(fsc.body).toMatchObject({ lastReason: 'FSC leads financial-sector policy' });
  });

  it('shows the workshop with its action and request', async () => {
    const res = await call<Record<string, unknown>>(
      api.url,
      'GET',
      `/v1/workshops/${result.workshops.openai}`,
      msitHead,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      hostAgency: 'MSIT',
      counterparts: ['OPENAI'],
      attendingAgencies: ['MOFA', 'NIS', 'FSC', 'NAISC', 'AISI', 'KISA', 'FSI'],
    });
    expect(JSON.stringify(res.body)).toContain('Share information on AI security threats');
  });

  it('refuses a verb that does not fit the state with 409 naming it, appending nothing', async () => {
    const id = result.followUps.channel;
    const before = await followUp(id);
    const res = await call(
      api.url,
      'POST',
      `/v1/follow-ups/${id}/start`,
      tokenFor('agency_officer', 'KISA'),
      {},
    );
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ details: { code: 'INVALID_STATE', state: 'accepted' } });
    expect((await followUp(id)).version).toBe(before.version);
  });

  it('carries the caller’s correlation id and the actor into event metadata', async () => {
    const w = await createWorkshop(api.url);
    const id = await createFollowUp(api.url, w);
    const res = await call(
      api.url,
      'POST',
      `/v1/follow-ups/${id}/acknowledge`,
      kisaOfficer,
      {},
      {
        'x-correlation-id': 'meeting-2026-11-18',
        'x-request-id': 'req-123',
      },
    );
    expect(res.status).toBe(200);
    const { rows } = await pool.query(
      `SELECT metadata FROM events WHERE stream_id = $1 AND version = 2`,
      [`follow-up-${id}`],
    );
    expect(rows[0].metadata).toEqual({
      actor: 'agency_officer.KISA',
      role: 'agency_officer',
      agency: 'KISA',
      correlation_id: 'meeting-2026-11-18',
      causation_id: 'req-123',
    });
  });
});
