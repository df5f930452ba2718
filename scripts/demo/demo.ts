/**
 * The main job: starts the API and the worker against Postgres and Redis in development mode,
 * signs its cast in with the development accounts (msit.head, kisa.officer, …, auditor, admin),
 * plays the week of MSIT's meetings with Anthropic and OpenAI through the HTTP API, prints the
 * board, and ends by saying how to sign in yourself. `npm run demo` (it builds first). Runs
 * again on the same database without error.
 *
 * `npm run demo -- --serve` (or `npm run start:dev`): the same, then the API (with the web app)
 * and the worker keep running on port 3000 (DEMO_PORT, or a free one when 3000 is taken) with
 * the seed week loaded, until Ctrl-C; it prints the address and an account to sign in with.
 */
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, signToken } from '../../libs/platform/src';
import { ApiClient, Credential, signIn } from './api-client';
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
import { showCollaboration } from './collaboration';
import { showJointTask } from './joint-task';
import { showMeeting } from './meeting';
import { showCounterpartAnswer } from './counterpart-answer';
import { showNotificationsSummary } from './notifications-summary';

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

/** Every account the scenario uses, signed in once: sessions by role and agency. */
async function signInCast(baseUrl: string, password: string) {
  const admin = await signIn(baseUrl, 'admin', password);
  const agencies = await new ApiClient(baseUrl, admin).ok<
    { code: string; kind?: string; active?: boolean }[]
  >('GET', '/v1/agencies');
  const sessions = new Map<string, Credential>([
    ['admin', admin],
    ['auditor', await signIn(baseUrl, 'auditor', password)],
  ]);
  for (const { code, kind, active } of agencies) {
    if (kind !== 'agency' || active === false) continue; // counterparts never sign in
    sessions.set(
      `bureau_head:${code}`,
      await signIn(baseUrl, `${code.toLowerCase()}.head`, password),
    );
    sessions.set(
      `agency_officer:${code}`,
      await signIn(baseUrl, `${code.toLowerCase()}.officer`, password),
    );
  }
  const tokenFor: TokenFor = (role, agency) => {
    const session = sessions.get(agency ? `${role}:${agency}` : role);
    if (!session) throw new Error(`no development account for ${role} ${agency ?? ''}`);
    return session;
  };
  return { admin, tokenFor, count: sessions.size };
}

/** Port 3000 when it is free (the address the README gives), else any free one. */
async function servePort(): Promise<number> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(3000, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  return free ? 3000 : freePort();
}

/** Until Ctrl-C (or SIGTERM): the apps stay up for a person to use. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function main(): Promise<void> {
  // The development accounts exist only in development mode, and the demo is development.
  const config = loadConfig({ ...process.env, NODE_ENV: 'development' });
  const password = process.env.DEMO_PASSWORD || 'liaison-demo';
  const serve = process.argv.includes('--serve');
  const port = Number(process.env.DEMO_PORT ?? (serve ? await servePort() : await freePort()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = join(tmpdir(), `liaison-demo-${Date.now()}.log`);
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DEV_ACCOUNTS: 'true',
    DEMO_PASSWORD: password,
    // The whole cast signs in from this one address within a second.
    RATE_LIMIT_SIGN_IN: process.env.RATE_LIMIT_SIGN_IN ?? '100',
    PORT: String(port),
    ...ROUTING_DEMO_ENV,
  };

  console.log(`Starting the API on ${baseUrl} and the worker (logs: ${logFile})`);
  const api = startApp(join(dist, 'api/src/main.js'), env, logFile);
  const worker = startApp(join(dist, 'worker/src/main.js'), env, logFile);
  try {
    await waitForHealth(baseUrl, api);
    const cast = await signInCast(baseUrl, password);
    const { tokenFor } = cast;
    console.log(`Signed in ${cast.count} development accounts (password: DEMO_PASSWORD)`);
    const admin = new ApiClient(baseUrl, cast.admin);
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
    // The queue dashboard (/admin/queues) is an operator's tool outside the API's sign-in: it
    // takes a bearer JWT only, so this one client carries a development token.
    const operator = admin.as(
      signToken({ sub: 'demo.operator', role: 'admin', expiresIn: '1h' }, config.jwtSecret),
    );
    await showRouting(operator, msit, receiver, source, (line) => console.log(`  ${line}`));
    await showCollaboration(baseUrl, tokenFor, source, (l) => console.log(`  ${l}`));
    await showJointTask(baseUrl, tokenFor, source, (l) => console.log(`  ${l}`));
    await showMeeting(baseUrl, tokenFor, source, (l) => console.log(`  ${l}`));
    await showCounterpartAnswer(
      baseUrl,
      tokenFor,
      { workshopId: result.workshops.openai, infoRequestId: result.infoRequest },
      (l) => console.log(`  ${l}`),
    );
    await receiver.close();
    await showNotificationsSummary(baseUrl, tokenFor, (line) => console.log(line));
    // The log names people by id; the directory (admins only) gives their logins.
    const people = await admin.ok<{ items: { id: string; login: string }[] }>('GET', '/v1/people');
    const names = new Map(people.items.map((p) => [p.id, p.login]));
    if (!(await auditorEpilogue(auditor, result.followUps.evaluation, names))) {
      process.exitCode = 1;
    }
    if (serve) {
      printServing(baseUrl, password);
      await untilInterrupted();
      console.log('\nStopping the API and the worker…');
    } else {
      printHowToSignIn(password);
    }
  } finally {
    await Promise.all([stopApp(api), stopApp(worker)]);
  }
}

/** With --serve: where the app is and whom to sign in as, while it keeps running. */
function printServing(baseUrl: string, password: string): void {
  const shown = password === 'liaison-demo' ? 'liaison-demo' : 'the DEMO_PASSWORD you set';
  console.log(`
Liaison is running with the week of 11 and 18 November loaded (Ctrl-C stops it):
  the web app   ${baseUrl}/
  the API       ${baseUrl}/v1   (documentation: ${baseUrl}/docs)
Sign in with the password ${shown} as
  kisa.officer  an officer of KISA (its inbox, the task page's verbs)
  msit.head     MSIT's bureau head (the board, workshops, the dashboard)
  auditor       the auditor (history, a task as it stood, verify, export)
  admin         the administrator
(development accounts: <code>.head and <code>.officer for every agency; never made in production)
`);
}

/** The demo's last words: how to sign in yourself with the same accounts. */
function printHowToSignIn(password: string): void {
  const shown = password === 'liaison-demo' ? 'liaison-demo' : 'the DEMO_PASSWORD you set';
  console.log(`
How to sign in yourself (development mode only; these accounts are never made in production):
  NODE_ENV=development npm run start:api      # and, beside it, NODE_ENV=development npm run start:worker
  open http://127.0.0.1:3000/ and sign in, or:
  curl -i -c cookies.txt -H 'content-type: application/json' \\
    -d '{"username":"kisa.officer","password":"${password === 'liaison-demo' ? password : '<DEMO_PASSWORD>'}"}' \\
    http://127.0.0.1:3000/v1/session
  curl -b cookies.txt http://127.0.0.1:3000/v1/me
Accounts, all with password ${shown}: <code>.head (bureau head) and <code>.officer (agency
officer) for every agency, lower-case (msit.head, kisa.officer, nis.officer, …), auditor, admin.
Unsafe requests with the cookie carry X-CSRF-Token: the csrfToken that sign-in and /v1/me return.
`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
