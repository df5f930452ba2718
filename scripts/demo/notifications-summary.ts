/**
 * The demo's last scene: the notifications the run sent, as each development account finds
 * them in its in-app list (GET /v1/notifications), in that person's language. With SMTP_URL
 * set the worker also mailed them (immediately, or in the day's digest by preference);
 * without it, the list is the only channel.
 */
import { ApiClient } from './api-client';
import { renderTable } from './board-table';
import { TokenFor } from './workshop-scenario';

interface Page {
  items: { kind: string; summary: string; createdAt: string; readAt: string | null }[];
  unread: number;
}

/** Every agency's bureau head and officer: the people the scenario's tasks and comments reach. */
export async function showNotificationsSummary(
  baseUrl: string,
  tokenFor: TokenFor,
  print: (line: string) => void,
): Promise<void> {
  const auditor = new ApiClient(baseUrl, tokenFor('auditor'));
  const agencies = (
    await auditor.ok<{ code: string; kind?: string; active?: boolean }[]>('GET', '/v1/agencies')
  )
    .filter((a) => a.kind === 'agency' && a.active !== false)
    .map((a) => a.code);
  const log = (line: string) => print(`  ${line}`);
  print('\nNotifications:');
  const who = agencies.flatMap((code) => [
    {
      label: `${code.toLowerCase()}.head`,
      client: new ApiClient(baseUrl, tokenFor('bureau_head', code)),
    },
    {
      label: `${code.toLowerCase()}.officer`,
      client: new ApiClient(baseUrl, tokenFor('agency_officer', code)),
    },
  ]);
  const read = async () =>
    Promise.all(
      who.map(async (w) => ({
        ...w,
        page: await w.client.ok<Page>('GET', '/v1/notifications?limit=200'),
      })),
    );
  // The worker's relay writes them shortly after each event: wait until the count holds still.
  let pages = await read();
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const next = await read();
    const total = (ps: typeof pages) => ps.reduce((n, p) => n + p.page.items.length, 0);
    const settled = total(next) === total(pages) && total(next) > 0;
    pages = next;
    if (settled) break;
  }
  // this run's only: the development database keeps earlier runs' notifications
  const since = new Date(Date.now() - process.uptime() * 1000).toISOString();
  const rows = pages.flatMap((p) =>
    p.page.items.filter((i) => i.createdAt >= since).map((i) => [p.label, i.kind, i.summary]),
  );
  const byKind = new Map<string, number>();
  for (const [, kind] of rows) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  log(
    `Notifications sent: ${rows.length} in-app (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}); ` +
      (process.env.SMTP_URL
        ? 'e-mailed through SMTP_URL as each person chose'
        : 'no SMTP_URL: in-app only'),
  );
  const shown = rows.slice(0, 30);
  log('');
  for (const line of renderTable(['to', 'kind', 'summary'], shown).split('\n')) log(line);
  if (rows.length > shown.length) log(`… and ${rows.length - shown.length} more`);
}
