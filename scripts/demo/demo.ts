/**
 * The main job: starts the API and the worker against Postgres and Redis, plays the week of
 * MSIT's meetings with Anthropic and OpenAI through the HTTP API, and prints the board.
 * `npm run demo` (it builds first). Runs again on the same database without error.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, signToken } from '../../libs/platform/src';
import { ApiClient } from './api-client';
import { auditorEpilogue } from './auditor-epilogue';
import { renderTable } from './board-table';
import { freePort, startApp, stopApp, waitForHealth } from './processes';
import {
  registerKisaWebhook,
  ROUTING_DEMO_ENV,
  showRouting,
  startWebhookReceiver,
} from './routing-showcase';
import { playScenario, TokenFor } from './workshop-scenario';

const dist = join(__dirname, '..', '..', 'apps');

interface BoardRow {
  followUpId: string;
  assigneeAgency: string;
  status: string;
  priority: string;
  dueAt: string;
  overdue: boolean;
  title: string;
  version: number;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const port = Number(process.env.DEMO_PORT ?? (await freePort()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = join(tmpdir(), `liaison-demo-${Date.now()}.log`);
  const env = { ...process.env, PORT: String(port), ...ROUTING_DEMO_ENV };

  console.log(`Starting the API on ${baseUrl} and the worker (logs: ${logFile})`);
  const api = startApp(join(dist, 'api/src/main.js'), env, logFile);
  const worker = startApp(join(dist, 'worker/src/main.js'), env, logFile);
  try {
    await waitForHealth(baseUrl, api);
    const tokenFor: TokenFor = (role, agency) =>
      signToken(
        {
          sub: `demo.${role}${agency ? `.${agency.toLowerCase()}` : ''}`,
          role,
          agency,
          expiresIn: '1h',
        },
        config.jwtSecret,
      );

    const admin = new ApiClient(
      baseUrl,
      signToken({ sub: 'demo.admin', role: 'admin', expiresIn: '1h' }, config.jwtSecret),
    );
    const receiver = await startWebhookReceiver();
    await registerKisaWebhook(admin, receiver);

    console.log('\nPlaying the week of 11 and 18 November through the API:');
    const result = await playScenario(baseUrl, tokenFor, (line) => console.log(`  ${line}`));

    // The board is a read model kept by the worker; minPosition waits until it has our writes.
    const auditor = new ApiClient(baseUrl, tokenFor('auditor'));
    const rows: BoardRow[] = [];
    for (const workshopId of [result.workshops.anthropic, result.workshops.openai]) {
      const page = await auditor.ok<{ items: BoardRow[]; stale: boolean }>(
        'GET',
        `/v1/follow-ups?workshopId=${workshopId}&sort=dueAt&minPosition=${result.lastPosition}`,
      );
      if (page.stale) console.log('(the board had not caught up with the last change in time)');
      rows.push(...page.items);
    }
    console.log('\nThe board for these workshops (from the follow-up board view):\n');
    console.log(
      renderTable(
        ['agency', 'status', 'priority', 'due', 'overdue', 'v', 'title'],
        rows.map((r) => [
          r.assigneeAgency,
          r.status,
          r.priority,
          r.dueAt.slice(0, 10),
          r.overdue ? 'yes' : '',
          String(r.version),
          r.title,
        ]),
      ),
    );
    console.log('\nRouting to agencies:');
    const msit = new ApiClient(baseUrl, tokenFor('bureau_head', 'MSIT'));
    const source = { workshopId: result.workshops.openai, sourceId: result.actions.openai };
    await showRouting(admin, msit, receiver, source, (line) => console.log(`  ${line}`));
    await receiver.close();
    if (!(await auditorEpilogue(auditor, result.followUps.evaluation))) process.exitCode = 1;
    console.log('');
  } finally {
    await Promise.all([stopApp(api), stopApp(worker)]);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
