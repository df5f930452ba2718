import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DevelopmentAccounts } from '@liaison/identity';
import { signToken } from '@liaison/platform';
import { Pool } from 'pg';
import { startProjections, startTestApi, TEST_JWT_SECRET, TestApi, tokenFor } from './support/api';
import { testPool } from './support/database';
import {
  admin,
  auditor,
  createFollowUp,
  createWorkshop,
  inDays,
  kisaHead,
  kisaOfficer,
  msitHead,
  nisOfficer,
  ReachableState,
  WorkshopFixture,
} from './support/fixtures';
import { AUTHORIZED_ELSEWHERE } from './support/authorization-elsewhere';
import { call, Caller } from './support/http';
import { AppModule } from '../apps/api/src/app.module';
import { createOpenApiDocument, useRoutePrefix } from '../apps/api/src/app.factory';

/**
 * Every route × every role × own and other agency, and each caller three ways: a bearer JWT, a
 * session cookie (with its CSRF token) of the development account, and an API key scoped alike. "Own" is MSIT for bureau heads (the host)
 * and KISA for officers (the assignee); "other" is KISA's bureau head and NIS's officer.
 */
type Who = 'msitHead' | 'kisaHead' | 'kisaOfficer' | 'nisOfficer' | 'auditor' | 'admin';
const callers: Record<Who, Caller> = {
  msitHead,
  kisaHead,
  kisaOfficer,
  nisOfficer,
  auditor,
  admin,
};

/** The development account and the API key scope of each caller. */
const accounts: Record<Who, { login: string; role: string; agency?: string }> = {
  msitHead: { login: 'msit.head', role: 'bureau_head', agency: 'MSIT' },
  kisaHead: { login: 'kisa.head', role: 'bureau_head', agency: 'KISA' },
  kisaOfficer: { login: 'kisa.officer', role: 'agency_officer', agency: 'KISA' },
  nisOfficer: { login: 'nis.officer', role: 'agency_officer', agency: 'NIS' },
  auditor: { login: 'auditor', role: 'auditor' },
  admin: { login: 'admin', role: 'admin' },
};
type Via = 'jwt' | 'session' | 'api key';
const VIAS: Via[] = ['jwt', 'session', 'api key'];
/**
 * Routes also tried by session and by API key: one of each kind of rule (a head's command on
 * their own agency's record, an officer's verb, a role-gated read, the auditor's and the open
 * reads). How the caller is proven is decided before any route's rule, so every route by every
 * means would triple the fixtures for no new answer.
 */
const BY_EVERY_MEANS = new Set([
  'POST /workshops',
  'GET /workshops/:id',
  'POST /follow-ups',
  'POST /follow-ups/:id/acknowledge',
  'POST /follow-ups/:id/accept',
  'GET /agencies/KISA/inbox',
  'GET /audit/events',
  'GET /agencies',
]);

/** Headers proving `who` by session cookie or API key (the JWT goes through `call`). */
async function credentialsOf(
  url: string,
): Promise<Record<Exclude<Via, 'jwt'>, Record<Who, Record<string, string>>>> {
  const session = {} as Record<Who, Record<string, string>>;
  const key = {} as Record<Who, Record<string, string>>;
  for (const who of Object.keys(accounts) as Who[]) {
    const { login, role, agency } = accounts[who];
    const res = await fetch(`${url}/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: login, password: 'liaison-demo' }),
    });
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    session[who] = {
      cookie: String(res.headers.get('set-cookie')).split(';')[0],
      'x-csrf-token': csrfToken,
    };
    const created = await call<{ key: string }>(url, 'POST', '/v1/api-keys', admin, {
      name: `matrix ${who}`,
      role,
      ...(agency && { agency }),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    key[who] = { authorization: `Bearer ${created.body.key}` };
  }
  return { session, 'api key': key };
}

interface Route {
  name: string;
  method: string;
  /** Builds the path (and body) against fresh fixtures in the state this route needs. */
  setup: (w: WorkshopFixture, url: string) => Promise<{ path: string; body?: unknown }>;
  expected: Record<Who, number>;
}

const onFollowUp =
  (verb: string, state: ReachableState, body?: object) =>
  async (w: WorkshopFixture, url: string) => ({
    path: `/v1/follow-ups/${await createFollowUp(url, w, state)}/${verb}`,
    body: body ?? {},
  });

/** A task KISA leads, with NIS asked for a contribution (주관 KISA, 협조 NIS). */
const joint = async (w: WorkshopFixture, url: string) => {
  const id = await createFollowUp(url, w);
  const asked = await call(url, 'POST', `/v1/follow-ups/${id}/contributions`, msitHead, {
    agency: 'NIS',
  });
  if (asked.status !== 201) throw new Error(`asking NIS: ${asked.status}`);
  return id;
};

const officerVerb = {
  msitHead: 403,
  kisaHead: 403,
  kisaOfficer: 200,
  nisOfficer: 404,
  auditor: 403,
  admin: 403,
};
const headVerb = {
  msitHead: 200,
  kisaHead: 404,
  kisaOfficer: 403,
  nisOfficer: 403,
  auditor: 403,
  admin: 403,
};
const workshopBody = {
  title: 'Workshop',
  heldOn: '2026-11-18',
  hostAgency: 'MSIT',
  counterparts: ['OPENAI'],
  attendingAgencies: ['KISA'],
  topics: [],
};

const routes: Route[] = [
  {
    name: 'POST /workshops',
    method: 'POST',
    setup: async () => ({ path: '/v1/workshops', body: workshopBody }),
    // KISA's head may record workshops, but not as host MSIT.
    expected: {
      msitHead: 201,
      kisaHead: 403,
      kisaOfficer: 403,
      nisOfficer: 403,
      auditor: 403,
      admin: 403,
    },
  },
  {
    name: 'POST /workshops/:id/actions',
    method: 'POST',
    setup: async (w) => ({
      path: `/v1/workshops/${w.workshopId}/actions`,
      body: { description: 'Another action', ownerAgency: 'KISA' },
    }),
    expected: {
      msitHead: 201,
      kisaHead: 404,
      kisaOfficer: 403,
      nisOfficer: 403,
      auditor: 403,
      admin: 403,
    },
  },
  {
    name: 'POST /workshops/:id/info-requests',
    method: 'POST',
    setup: async (w) => ({
      path: `/v1/workshops/${w.workshopId}/info-requests`,
      body: { subject: 'Threat data', requestedBy: 'MSIT', requestedFrom: 'OPENAI' },
    }),
    expected: {
      msitHead: 201,
      kisaHead: 404,
      kisaOfficer: 403,
      nisOfficer: 403,
      auditor: 403,
      admin: 403,
    },
  },
  {
    name: 'GET /workshops/:id',
    method: 'GET',
    setup: async (w) => ({ path: `/v1/workshops/${w.workshopId}` }),
    expected: {
      msitHead: 200,
      kisaHead: 404,
      kisaOfficer: 403,
      nisOfficer: 403,
      auditor: 200,
      admin: 403,
    },
  },
  {
    name: 'POST /follow-ups',
    method: 'POST',
    setup: async (w) => ({
      path: '/v1/follow-ups',
      body: {
        workshopId: w.workshopId,
        sourceId: w.actionId,
        assigneeAgency: 'KISA',
        title: 'T',
        dueAt: inDays(3),
      },
    }),
    expected: {
      msitHead: 201,
      kisaHead: 404,
      kisaOfficer: 403,
      nisOfficer: 403,
      auditor: 403,
      admin: 403,
    },
  },
  {
    name: 'GET /follow-ups/:id',
    method: 'GET',
    setup: async (w, url) => ({ path: `/v1/follow-ups/${await createFollowUp(url, w)}` }),
    expected: {
      msitHead: 200,
      kisaHead: 404,
      kisaOfficer: 200,
      nisOfficer: 404,
      auditor: 200,
      admin: 403,
    },
  },
  {
    name: 'POST /follow-ups/:id/acknowledge',
    method: 'POST',
    setup: onFollowUp('acknowledge', 'assigned'),
    expected: officerVerb,
  },
  {
    name: 'POST /follow-ups/:id/start',
    method: 'POST',
    setup: onFollowUp('start', 'acknowledged'),
    expected: officerVerb,
  },
  {
    name: 'POST /follow-ups/:id/progress',
    method: 'POST',
    setup: onFollowUp('progress', 'in_progress', { note: 'half way' }),
    expected: officerVerb,
  },
  {
    name: 'POST /follow-ups/:id/submit',
    method: 'POST',
    setup: onFollowUp('submit', 'in_progress', { response: 'done' }),
    expected: officerVerb,
  },
  {
    name: 'POST /follow-ups/:id/decline',
    method: 'POST',
    setup: onFollowUp('decline', 'acknowledged', { reason: 'not ours' }),
    expected: officerVerb,
  },
  {
    name: 'GET /follow-ups/:id/history',
    method: 'GET',
    setup: async (w, url) => ({ path: `/v1/follow-ups/${await createFollowUp(url, w)}/history` }),
    // Scoped like the task: another agency's answers as a missing one.
    expected: {
      msitHead: 200,
      kisaHead: 404,
      kisaOfficer: 200,
      nisOfficer: 404,
      auditor: 200,
      admin: 403,
    },
  },
  {
    name: 'POST /follow-ups/:id/claim',
    method: 'POST',
    setup: onFollowUp('claim', 'assigned'),
    expected: officerVerb,
  },
  {
    name: 'POST /follow-ups/:id/hand-over',
    method: 'POST',
    // Past the gates the named colleague is looked up: nobody by that id → 422 (its own spec
    // in officers.e2e-spec.ts hands over to people registered in the directory).
    setup: onFollowUp('hand-over', 'assigned', { officerId: randomUUID() }),
    expected: { ...officerVerb, kisaOfficer: 422 },
  },
  {
    name: 'POST /follow-ups/:id/accept',
    method: 'POST',
    setup: onFollowUp('accept', 'submitted'),
    expected: headVerb,
  },
  {
    name: 'POST /follow-ups/:id/reject',
    method: 'POST',
    setup: onFollowUp('reject', 'submitted', { reason: 'more detail' }),
    expected: headVerb,
  },
  {
    name: 'POST /follow-ups/:id/reassign',
    method: 'POST',
    setup: onFollowUp('reassign', 'declined', { assigneeAgency: 'NIS', reason: 'NIS leads' }),
    expected: headVerb,
  },
  {
    name: 'POST /follow-ups/:id/extend',
    method: 'POST',
    setup: onFollowUp('extend', 'assigned', { dueAt: inDays(60), reason: 'waiting on OpenAI' }),
    expected: headVerb,
  },
  {
    name: 'POST /follow-ups/:id/cancel',
    method: 'POST',
    setup: onFollowUp('cancel', 'assigned', { reason: 'superseded' }),
    expected: headVerb,
  },
  // Joint tasks: the host bureau head asks and waives; NIS, asked to contribute, reads the lead.
  {
    name: 'POST /follow-ups/:id/contributions',
    method: 'POST',
    setup: async (w, url) => ({
      path: `/v1/follow-ups/${await createFollowUp(url, w)}/contributions`,
      body: { agency: 'NIS' },
    }),
    expected: { ...headVerb, msitHead: 201 },
  },
  {
    name: 'POST /follow-ups/:id/contributions/:agency/waive',
    method: 'POST',
    setup: async (w, url) => ({
      path: `/v1/follow-ups/${await joint(w, url)}/contributions/NIS/waive`,
      body: { reason: 'covered' },
    }),
    expected: headVerb,
  },
  {
    name: 'GET /follow-ups/:id of a lead NIS contributes to',
    method: 'GET',
    setup: async (w, url) => ({ path: `/v1/follow-ups/${await joint(w, url)}` }),
    expected: {
      msitHead: 200,
      kisaHead: 404,
      kisaOfficer: 200,
      nisOfficer: 200,
      auditor: 200,
      admin: 403,
    },
  },
  {
    name: 'GET /workshops',
    method: 'GET',
    setup: async () => ({ path: '/v1/workshops' }),
    expected: {
      msitHead: 200,
      kisaHead: 200,
      kisaOfficer: 403,
      nisOfficer: 403,
      auditor: 200,
      admin: 403,
    },
  },
  {
    name: 'GET /follow-ups (board)',
    method: 'GET',
    setup: async () => ({ path: '/v1/follow-ups' }),
    expected: {
      msitHead: 200,
      kisaHead: 200,
      kisaOfficer: 200,
      nisOfficer: 200,
      auditor: 200,
      admin: 403,
    },
  },
  {
    name: 'GET /follow-ups/overdue',
    method: 'GET',
    setup: async () => ({ path: '/v1/follow-ups/overdue' }),
    expected: {
      msitHead: 200,
      kisaHead: 200,
      kisaOfficer: 200,
      nisOfficer: 200,
      auditor: 200,
      admin: 403,
    },
  },
  {
    name: 'GET /agencies/KISA/inbox',
    method: 'GET',
    setup: async () => ({ path: '/v1/agencies/KISA/inbox' }),
    // Another agency's officer is told no; a bureau head sees what its own workshops sent there.
    expected: {
      msitHead: 200,
      kisaHead: 200,
      kisaOfficer: 200,
      nisOfficer: 403,
      auditor: 200,
      admin: 403,
    },
  },
  {
    name: 'GET /agencies/KISA/inbox?scope=mine',
    method: 'GET',
    setup: async () => ({ path: '/v1/agencies/KISA/inbox?scope=mine' }),
    // The scope narrows what the caller may see; it never widens it.
    expected: {
      msitHead: 200,
      kisaHead: 200,
      kisaOfficer: 200,
      nisOfficer: 403,
      auditor: 200,
      admin: 403,
    },
  },
  {
    name: 'GET /agencies/workload',
    method: 'GET',
    setup: async () => ({ path: '/v1/agencies/workload' }),
    expected: {
      msitHead: 200,
      kisaHead: 200,
      kisaOfficer: 200,
      nisOfficer: 200,
      auditor: 200,
      admin: 403,
    },
  },
  ...[
    // an empty page: the role gate, whatever other specs left classified in the log
    ['events', 'events?limit=1&stream=workshop-00000000-0000-4000-8000-000000000000'],
    ['streams/:streamId', 'streams/workshop-00000000-0000-4000-8000-000000000000'],
    ['follow-ups/:id', 'follow-ups/00000000-0000-4000-8000-000000000000'],
    ['workshops/:id', 'workshops/00000000-0000-4000-8000-000000000000'],
    ['access-log', 'access-log?limit=1'],
  ].map(([route, path]): Route => ({
    name: `GET /audit/${route}`,
    method: 'GET',
    setup: async () => ({ path: `/v1/audit/${path}` }),
    expected: {
      msitHead: 403,
      kisaHead: 403,
      kisaOfficer: 403,
      nisOfficer: 403,
      auditor: 200,
      admin: 403,
    },
  })),
  {
    name: 'GET /agencies',
    method: 'GET',
    setup: async () => ({ path: '/v1/agencies' }),
    expected: {
      msitHead: 200,
      kisaHead: 200,
      kisaOfficer: 200,
      nisOfficer: 200,
      auditor: 200,
      admin: 200,
    },
  },
  {
    name: 'POST /notifications/read-all',
    method: 'POST',
    setup: async () => ({ path: '/v1/notifications/read-all', body: {} }),
    // one's own notifications: any role, but people only (a session, not a token's subject or
    // a key: 403); by session every development account marks its own
    expected: {
      msitHead: 403,
      kisaHead: 403,
      kisaOfficer: 403,
      nisOfficer: 403,
      auditor: 403,
      admin: 403,
    },
  },
  {
    // the role gate, on a series no one has: heads reach the series' own check (404)
    name: 'POST /meeting-series/:id/meetings/:n/cancel',
    method: 'POST',
    setup: async () => ({
      path: `/v1/meeting-series/${randomUUID()}/meetings/1/cancel`,
      body: { reason: 'rescheduled' },
    }),
    expected: {
      msitHead: 404,
      kisaHead: 404,
      kisaOfficer: 403,
      nisOfficer: 403,
      auditor: 403,
      admin: 403,
    },
  },
];

/** `METHOD /path` as the matrix and AUTHORIZED_ELSEWHERE name a route (no /v1, `:param`). */
const routeKey = (name: string) =>
  name
    .split(' ')
    .slice(0, 2)
    .join(' ')
    .replace(/\?.*$/, '')
    .replace('/agencies/KISA/', '/agencies/:code/');

/** Every route the app serves, from its OpenAPI document (Nest in preview mode: no I/O). */
async function appRoutes(): Promise<string[]> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  useRoutePrefix(app);
  const document = createOpenApiDocument(app);
  await app.close();
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations as object)
      .filter((method) => /^(get|post|put|patch|delete)$/.test(method))
      .map(
        (method) =>
          `${method.toUpperCase()} ${path.replace(/^\/v1/, '').replace(/\{(\w+)\}/g, ':$1')}`,
      ),
  );
}

describe('authorization matrix: every route has an entry', () => {
  const inMatrix = new Set(routes.map((r) => routeKey(r.name)));
  let served: string[];
  beforeAll(async () => {
    served = await appRoutes();
  }, 60_000);

  it('each route the app serves is in the matrix or proved in a named spec', () => {
    expect(served.length).toBeGreaterThan(100);
    const missing = served.filter((r) => !inMatrix.has(r) && !(r in AUTHORIZED_ELSEWHERE));
    expect(missing).toEqual([]);
  });

  it('names no route the app does not serve, and none twice', () => {
    const known = new Set(served);
    const entries = [...inMatrix, ...Object.keys(AUTHORIZED_ELSEWHERE)];
    expect(entries.filter((r) => !known.has(r))).toEqual([]);
    expect(Object.keys(AUTHORIZED_ELSEWHERE).filter((r) => inMatrix.has(r))).toEqual([]);
  });

  it('each spec named for a route exists and calls it', () => {
    const root = join(__dirname, '..');
    const problems = Object.entries(AUTHORIZED_ELSEWHERE).flatMap(([route, { spec }]) => {
      const file = join(root, spec);
      if (!existsSync(file)) return [`${route}: ${spec} does not exist`];
      const path = route.split(' ')[1];
      const literal =
        path
          .split('/')
          .filter((s) => s && !s.startsWith(':'))
          .pop() ?? '';
      return readFileSync(file, 'utf8').includes(`/${literal}`)
        ? []
        : [`${route}: ${spec} never names /${literal}`];
    });
    expect(problems).toEqual([]);
  });
});

const badTokens: [string, () => string][] = [
  ['no token', () => ''],
  [
    'an expired token',
    () => signToken({ sub: 'x', role: 'auditor', expiresIn: '-10s' }, TEST_JWT_SECRET),
  ],
  [
    'a token signed with another secret',
    () => signToken({ sub: 'x', role: 'auditor' }, 'another-secret-'.repeat(3)),
  ],
  [
    'an unsigned token',
    () => jwt.sign({ sub: 'x', role: 'auditor' }, '', { algorithm: 'none', expiresIn: '1h' }),
  ],
];

describe('authorization matrix', () => {
  let api: TestApi;
  let workshop: WorkshopFixture;
  let credentials: Awaited<ReturnType<typeof credentialsOf>>;
  beforeAll(async () => {
    api = await startTestApi();
    workshop = await createWorkshop(api.url);
    await api.app.get(DevelopmentAccounts).seed('liaison-demo');
    credentials = await credentialsOf(api.url);
  });
  afterAll(() => api.close());

  const cells = VIAS.flatMap((via) =>
    routes
      .filter((route) => via === 'jwt' || BY_EVERY_MEANS.has(route.name))
      .flatMap((route) =>
        (Object.keys(callers) as Who[]).map(
          (who) => [route.name, who, via, route.expected[who], route] as const,
        ),
      ),
  );

  it.each(cells)('%s as %s by %s → %i', async (_name, who, via, expected, route) => {
    const { path, body } = await route.setup(workshop, api.url);
    const res = await call(
      api.url,
      route.method,
      path,
      via === 'jwt' ? callers[who] : undefined,
      route.method === 'POST' ? body : undefined,
      via === 'jwt' ? {} : credentials[via][who],
    );
    expect({ status: res.status, body: res.body }).toMatchObject({ status: expected });
  });

  const unauthenticated = routes.flatMap((route) =>
    badTokens.map(([label, token]) => [route.name, label, token, route] as const),
  );

  it.each(unauthenticated)('%s with %s → 401', async (_name, _label, token, route) => {
    const { path, body } = await route.setup(workshop, api.url);
    const res = await call(
      api.url,
      route.method,
      path,
      token(),
      route.method === 'POST' ? body : undefined,
    );
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('answers another agency’s follow-up exactly like a missing one', async () => {
    const id = await createFollowUp(api.url, workshop);
    const other = await call(api.url, 'GET', `/v1/follow-ups/${id}`, nisOfficer);
    const missing = await call(api.url, 'GET', `/v1/follow-ups/${randomUUID()}`, nisOfficer);
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(Object.keys(other.body)).toEqual(Object.keys(missing.body));
  });
});

interface InboxPage {
  items: { followUpId: string }[];
  nextCursor: string | null;
}

/** Named officers: "mine" is the caller's own tasks, the agency scope all of them; a claimed task
 * is worked by its officer only (officers are told apart by their token's `sub`). */
describe('authorization matrix: "mine" vs agency scope', () => {
  let api: TestApi;
  let pool: Pool;
  let stopProjections: () => Promise<void>;
  let workshop: WorkshopFixture;
  const colleague: Caller = {
    role: 'agency_officer',
    agency: 'KISA',
    token: tokenFor('agency_officer', 'KISA', `kisa-colleague-${randomUUID()}`),
  };
  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(4);
    stopProjections = await startProjections(pool);
    workshop = await createWorkshop(api.url);
  });
  afterAll(async () => {
    await stopProjections();
    await api.close();
    await pool.end();
  });

  it('mine shows the claimer’s task to the claimer only; agency shows it to both; only its officer works it', async () => {
    const claimedId = await createFollowUp(api.url, workshop);
    const claim = await call<{ position: number }>(
      api.url,
      'POST',
      `/v1/follow-ups/${claimedId}/claim`,
      kisaOfficer,
      {},
    );
    expect(claim.status).toBe(200);
    // Every page: the test database holds every spec's KISA tasks.
    const inbox = async (who: Caller, scope: string) => {
      const ids: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const res: { status: number; body: InboxPage } = await call<InboxPage>(
          api.url,
          'GET',
          `/v1/agencies/KISA/inbox?scope=${scope}&limit=200&minPosition=${claim.body.position}` +
            (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
          who,
        );
        expect(res.status).toBe(200);
        ids.push(...res.body.items.map((i) => i.followUpId));
        cursor = res.body.nextCursor;
      }
      return ids;
    };
    expect(await inbox(kisaOfficer, 'mine')).toContain(claimedId);
    expect(await inbox(colleague, 'mine')).not.toContain(claimedId);
    expect(await inbox(colleague, 'agency')).toContain(claimedId);
    expect(await inbox(colleague, 'unclaimed')).not.toContain(claimedId);
    const byColleague = await call(
      api.url,
      'POST',
      `/v1/follow-ups/${claimedId}/acknowledge`,
      colleague,
      {},
    );
    expect(byColleague.status).toBe(403);
    const claimedAgain = await call(
      api.url,
      'POST',
      `/v1/follow-ups/${claimedId}/claim`,
      colleague,
      {},
    );
    expect(claimedAgain.status).toBe(409);
  });
});
