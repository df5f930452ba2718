import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyExportFile } from '@liaison/audit';
import {
  evolveFollowUp,
  FollowUpEvent,
  FollowUpState,
  initialFollowUpState,
} from '@liaison/follow-up';
import { playScenario, ScenarioResult } from '../scripts/demo/workshop-scenario';
import { startTestApi, TestApi, tokenFor } from './support/api';
import { auditor, inDays, msitHead } from './support/fixtures';
import { call } from './support/http';

interface AuditEvent {
  position: number;
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
  hash: string;
}

/** The log's first pages may hold other specs' restricted tasks, which need a reason. */
const OTHER_SPECS_REASON = { 'x-audit-reason': 'audit spec: paging the whole log' };

const fold = (events: AuditEvent[]) =>
  events.reduce<FollowUpState>(
    (s, e) => evolveFollowUp(s, e as unknown as FollowUpEvent),
    initialFollowUpState,
  );

describe('audit', () => {
  let api: TestApi;
  let result: ScenarioResult;
  beforeAll(async () => {
    api = await startTestApi();
    result = await playScenario(api.url, (role, agency) => tokenFor(role, agency));
  });
  afterAll(() => api.close());

  it('answers as-of (by version and by time) with the fold of the events up to that point, at every step', async () => {
    for (const id of Object.values(result.followUps)) {
      const stream = await call<{ events: AuditEvent[] }>(
        api.url,
        'GET',
        `/v1/audit/streams/follow-up-${id}`,
        auditor,
      );
      expect(stream.status).toBe(200);
      const events = stream.body.events;
      expect(events.length).toBeGreaterThan(1);
      for (const [i, event] of events.entries()) {
        const byVersion = await call<{
          state: FollowUpState;
          version: number;
          events: AuditEvent[];
        }>(api.url, 'GET', `/v1/audit/follow-ups/${id}?toVersion=${event.version}`, auditor);
        expect(byVersion.body.version).toBe(event.version);
        expect(byVersion.body.state).toEqual(fold(events.slice(0, i + 1)));
        expect(byVersion.body.events.map((e) => e.eventId)).toEqual(
          events.slice(0, i + 1).map((e) => e.eventId),
        );

        const byTime = await call<{ state: FollowUpState }>(
          api.url,
          'GET',
          `/v1/audit/follow-ups/${id}?asOf=${encodeURIComponent(event.recordedAt)}`,
          auditor,
        );
        const upToTime = events.filter((e) => e.recordedAt <= event.recordedAt);
        expect(byTime.body.state).toEqual(fold(upToTime));
      }
    }
  });

  it('shows an earlier time before the task existed as no task at all', async () => {
    const res = await call<{ state: FollowUpState; version: number }>(
      api.url,
      'GET',
      `/v1/audit/follow-ups/${result.followUps.channel}?asOf=2020-01-01T00:00:00Z`,
      auditor,
    );
    expect(res.body).toMatchObject({ version: 0, state: { exists: false } });
  });

  it('pages through the global history with a cursor', async () => {
    const first = await call<{ events: AuditEvent[]; next: string }>(
      api.url,
      'GET',
      '/v1/audit/events?limit=5',
      auditor,
      undefined,
      OTHER_SPECS_REASON,
    );
    expect(first.body.events).toHaveLength(5);
    const second = await call<{ events: AuditEvent[] }>(
      api.url,
      'GET',
      `/v1/audit/events?limit=5&after=${first.body.next}`,
      auditor,
      undefined,
      OTHER_SPECS_REASON,
    );
    const seen = new Set(first.body.events.map((e) => e.eventId));
    for (const e of second.body.events) expect(seen.has(e.eventId)).toBe(false);
  });

  it('verifies the history', async () => {
    const res = await call<{ ok: boolean; checked: number }>(
      api.url,
      'GET',
      '/v1/audit/verify',
      auditor,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true });
    expect(res.body.checked).toBeGreaterThan(0);
  }, 60_000);

  it('exports NDJSON that verifies offline, and fails offline once a byte changes', async () => {
    const res = await fetch(`${api.url}/v1/audit/export`, {
      headers: { authorization: `Bearer ${auditor.token}`, ...OTHER_SPECS_REASON },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const text = await res.text();
    const dir = mkdtempSync(join(tmpdir(), 'liaison-export-'));
    const good = join(dir, 'good.ndjson');
    writeFileSync(good, text);
    expect(await verifyExportFile(good)).toMatchObject({ ok: true });

    const marker = 'Set up a working-level channel on AI models in cybersecurity';
    expect(text).toContain(marker);
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, text.replace(marker, marker.replace('Set up', 'Set Up'))); // one byte
    const report = await verifyExportFile(bad);
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toMatch(/line|position/);
  }, 60_000);

  it('exports a log holding a restricted task only with a reason (header or ?reason=), naming the task in the access log', async () => {
    const task = await call<{ id: string }>(api.url, 'POST', '/v1/follow-ups', msitHead, {
      workshopId: result.workshops.openai,
      sourceId: result.actions.openai,
      assigneeAgency: 'KISA',
      title: 'Restricted follow-up for the export',
      dueAt: inDays(10),
      classification: { level: 'restricted', agencies: ['KISA'] },
    });
    expect(task.status).toBe(201);
    const exportWith = (query = '', headers: Record<string, string> = {}) =>
      fetch(`${api.url}/v1/audit/export${query}`, {
        headers: { authorization: `Bearer ${auditor.token}`, ...headers },
      });

    const refused = await exportWith();
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      details: [{ field: 'X-Audit-Reason', problems: ['must not be empty'] }],
    });

    // A download link carries the reason in its address (Korean, percent-encoded).
    const reason = '2026년 정기 감사 — 이관 전 점검';
    const given = await exportWith(`?reason=${encodeURIComponent(reason)}`);
    expect(given.status).toBe(200);
    expect(await given.text()).toContain(`follow-up-${task.body.id}`);

    const log = await call<{ entries: { action: string; target: string; params: unknown }[] }>(
      api.url,
      'GET',
      '/v1/audit/access-log?action=export&limit=200',
      auditor,
    );
    expect(log.body.entries).toContainEqual(
      expect.objectContaining({
        action: 'export',
        target: `follow-up-${task.body.id}`,
        params: expect.objectContaining({ reason }),
      }),
    );
  }, 60_000);

  it('records who read what in the access log', async () => {
    const res = await call<{ entries: { actor: string; action: string }[] }>(
      api.url,
      'GET',
      '/v1/audit/access-log?action=export&limit=5',
      auditor,
    );
    expect(res.status).toBe(200);
    expect(res.body.entries[0]).toMatchObject({ actor: 'auditor.x', action: 'export' });
  });
});
