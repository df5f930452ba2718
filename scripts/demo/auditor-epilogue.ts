/** The demo's last act, as an auditor: one task's timeline, the task as of an earlier time, and
 * verification of the whole history. */
import { ApiClient } from './api-client';
import { renderTable } from './board-table';

interface AuditEvent {
  version: number;
  type: string;
  metadata: { actor: string; role: string; agency?: string };
  recordedAt: string;
}

/** `names`: person id → login, so the timeline says who in words (people are uuids in the log). */
export async function auditorEpilogue(
  auditor: ApiClient,
  followUpId: string,
  names: ReadonlyMap<string, string> = new Map(),
): Promise<boolean> {
  const { events } = await auditor.ok<{ events: AuditEvent[] }>(
    'GET',
    `/v1/audit/streams/follow-up-${followUpId}`,
  );
  console.log(`\nAs an auditor — the timeline of follow-up ${followUpId}:\n`);
  console.log(
    renderTable(
      ['v', 'recorded at', 'event', 'by'],
      events.map((e) => [
        String(e.version),
        e.recordedAt.replace('T', ' ').slice(0, 23),
        e.type,
        `${names.get(e.metadata.actor) ?? e.metadata.actor} (${e.metadata.role}${e.metadata.agency ? `, ${e.metadata.agency}` : ''})`,
      ]),
    ),
  );

  const rejected =
    events.find((e) => e.type === 'FollowUpRejected') ?? events[Math.floor(events.length / 2)];
  const earlier = await auditor.ok<{
    version: number;
    state: { status: string; assigneeAgency: string };
  }>('GET', `/v1/audit/follow-ups/${followUpId}?asOf=${encodeURIComponent(rejected.recordedAt)}`);
  console.log(
    `\nThe same task as of ${rejected.recordedAt}: status ${earlier.state.status}, ` +
      `with ${earlier.state.assigneeAgency}, version ${earlier.version}`,
  );

  const report = await auditor.ok<{ ok: boolean; checked: number; firstBroken?: unknown }>(
    'GET',
    '/v1/audit/verify',
  );
  console.log(
    report.ok
      ? `History verified: ${report.checked} events, hash chains and signed seals intact.`
      : `History BROKEN: ${JSON.stringify(report.firstBroken)}`,
  );
  return report.ok;
}
