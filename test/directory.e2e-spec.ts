import { randomUUID } from 'node:crypto';
import { createOpenApiDocument } from '../apps/api/src/app.factory';
import { startTestApi, TestApi, tokenFor } from './support/api';
import { call, caller } from './support/http';

/**
 * The directory through HTTP: an admin keeps people and roles, a person delegates to a colleague,
 * an auditor asks who held a role on a date. Everyone else gets 403; bad input a 400 naming the
 * field, and nothing is written.
 */
describe('directory (e2e)', () => {
  let api: TestApi;
  const admin = caller('admin');
  const auditor = caller('auditor');
  const officer = caller('agency_officer', 'KISA');
  const tag = randomUUID().slice(0, 8);
  let n = 0;
  const personBody = (overrides: Record<string, unknown> = {}) => ({
    login: `E2E.${tag}.${++n}`,
    displayName: { ko: '이서연', en: 'Lee Seoyeon' },
    email: `seoyeon.${tag}.${n}@kisa.example`,
    agency: 'KISA',
    roles: ['agency_officer'],
    ...overrides,
  });
  const register = async (overrides: Record<string, unknown> = {}) => {
    const res = await call<{ id: string; version: number }>(
      api.url,
      'POST',
      '/v1/people',
      admin,
      personBody(overrides),
    );
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const fieldsOf = (body: { details?: unknown }) =>
    ((body.details ?? []) as { field: string }[]).map((d) => d.field);

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('an admin registers a person, grants and revokes a role; the auditor asks as of a date', async () => {
    const created = await call<{ id: string; version: number }>(
      api.url,
      'POST',
      '/v1/people',
      admin,
      personBody(),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.version).toBe(1);

    const person = await call(api.url, 'GET', `/v1/people/${id}`, admin);
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({
      id,
      login: `e2e.${tag}.${n}`,
      agency: 'KISA',
      roles: ['agency_officer'],
      active: true,
      version: 1,
    });

    const granted = await call(api.url, 'POST', `/v1/people/${id}/roles`, admin, {
      role: 'bureau_head',
    });
    expect(granted).toMatchObject({ status: 200, body: { id, version: 2 } });
    const again = await call(api.url, 'POST', `/v1/people/${id}/roles`, admin, {
      role: 'bureau_head',
    });
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject({ code: 'INVALID_STATE', state: 'held' });

    await new Promise((r) => setTimeout(r, 20));
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));

    const revoked = await call(api.url, 'DELETE', `/v1/people/${id}/roles/bureau_head`, admin);
    expect(revoked).toMatchObject({ status: 200, body: { id, version: 3 } });
    const unheld = await call(api.url, 'DELETE', `/v1/people/${id}/roles/bureau_head`, admin);
    expect(unheld.status).toBe(409);
    // Read at once, no waiting: the row was written with the event.
    expect((await call(api.url, 'GET', `/v1/people/${id}`, admin)).body).toMatchObject({
      roles: ['agency_officer'],
      version: 3,
    });

    await new Promise((r) => setTimeout(r, 20));
    const after = new Date().toISOString();
    const holders = async (on: string, who = auditor) => {
      const res = await call<{ holders: { personId: string }[] }>(
        api.url,
        'GET',
        `/v1/audit/directory/role-holders?role=bureau_head&agency=KISA&on=${encodeURIComponent(on)}`,
        who,
      );
      expect(res.status).toBe(200);
      return res.body.holders.map((h) => h.personId);
    };
    expect(await holders(between)).toContain(id);
    expect(await holders(between, admin)).toContain(id);
    expect(await holders(after)).not.toContain(id);
    // The Korean calendar day holding that moment (UTC+9) names them too.
    const koreanDay = new Date(Date.parse(between) + 9 * 3_600_000).toISOString().slice(0, 10);
    expect(await holders(koreanDay)).toContain(id);
    // Recorded as an audit read, with what was asked.
    const log = await call<{ entries: { action: string; target: string; params: unknown }[] }>(
      api.url,
      'GET',
      '/v1/audit/access-log?action=as_of&limit=50',
      auditor,
    );
    expect(log.body.entries).toContainEqual(
      expect.objectContaining({
        target: 'directory:role-holders',
        params: { role: 'bureau_head', agency: 'KISA', on: after },
      }),
    );
  });

  it('deactivation is seen by the next request; a deactivated person cannot be changed', async () => {
    const id = await register();
    const res = await call(api.url, 'POST', `/v1/people/${id}/deactivate`, admin, {
      reason: 'left the agency',
    });
    expect(res).toMatchObject({ status: 200, body: { id, version: 2 } });
    expect((await call(api.url, 'GET', `/v1/people/${id}`, admin)).body).toMatchObject({
      active: false,
    });
    const grant = await call(api.url, 'POST', `/v1/people/${id}/roles`, admin, { role: 'auditor' });
    expect(grant.status).toBe(409);
    expect(grant.body.details).toMatchObject({ state: 'deactivated' });
  });

  it('a login is unique whatever its case (409); PATCH changes what it names', async () => {
    const body = personBody();
    expect((await call(api.url, 'POST', '/v1/people', admin, body)).status).toBe(201);
    const dup = await call(api.url, 'POST', '/v1/people', admin, {
      ...personBody(),
      login: (body.login as string).toUpperCase(),
    });
    expect(dup.status).toBe(409);
    expect(dup.body.details).toMatchObject({ code: 'ALREADY_EXISTS', field: 'login' });

    const id = await register();
    const patched = await call(api.url, 'PATCH', `/v1/people/${id}`, admin, {
      displayName: { ko: '이서연', en: 'Seoyeon Lee' },
      agency: 'MSIT',
    });
    expect(patched).toMatchObject({ status: 200, body: { version: 2 } });
    expect((await call(api.url, 'GET', `/v1/people/${id}`, admin)).body).toMatchObject({
      displayName: { en: 'Seoyeon Lee' },
      agency: 'MSIT',
    });
    const subject = `idp|${tag}`;
    expect(
      (await call(api.url, 'PATCH', `/v1/people/${id}`, admin, { oidcSubject: subject })).body,
    ).toMatchObject({ version: 3 });
    expect((await call(api.url, 'GET', `/v1/people/${id}`, admin)).body).toMatchObject({
      oidcSubject: subject,
    });
    await call(api.url, 'PATCH', `/v1/people/${id}`, admin, { oidcSubject: null });
    const unlinked = await call(api.url, 'GET', `/v1/people/${id}`, admin);
    expect(unlinked.body).toMatchObject({ version: 4 });
    expect(unlinked.body).not.toHaveProperty('oidcSubject');
    const listed = await call<{ items: { id: string }[] }>(
      api.url,
      'GET',
      '/v1/people?agency=MSIT&active=true',
      admin,
    );
    expect(listed.body.items.map((p) => p.id)).toContain(id);
  });

  it('the same Idempotency-Key and body register one person', async () => {
    const body = personBody();
    const key = { 'idempotency-key': `directory-${tag}` };
    const first = await call(api.url, 'POST', '/v1/people', admin, body, key);
    const second = await call(api.url, 'POST', '/v1/people', admin, body, key);
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
  });

  it('a person delegates to a colleague, sees it, and ends it', async () => {
    const from = await register();
    const to = await register();
    const elsewhere = await register({ agency: 'MSIT' });
    const asFrom = tokenFor('agency_officer', 'KISA', from);
    const asTo = tokenFor('agency_officer', 'KISA', to);
    const startsAt = new Date().toISOString();
    const endsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();

    const granted = await call<{ id: string }>(api.url, 'POST', '/v1/delegations', asFrom, {
      toPersonId: to,
      startsAt,
      endsAt,
      reason: '해외 출장',
    });
    expect(granted.status).toBe(201);
    const delegationId = granted.body.id;
    const mine = await call<{ items: { id: string; fromPerson: string }[] }>(
      api.url,
      'GET',
      '/v1/delegations',
      asTo,
    );
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: delegationId, fromPerson: from, toPerson: to }),
    ]);

    const tooLong = await call(api.url, 'POST', '/v1/delegations', asFrom, {
      toPersonId: to,
      startsAt,
      endsAt: new Date(Date.now() + 91 * 86_400_000).toISOString(),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.details).toMatchObject({ field: 'endsAt' });
    const otherAgency = await call(api.url, 'POST', '/v1/delegations', asFrom, {
      toPersonId: elsewhere,
      startsAt,
      endsAt,
    });
    expect(otherAgency.status).toBe(422);
    // Only an admin names another delegator.
    const forSomeoneElse = await call(api.url, 'POST', '/v1/delegations', asTo, {
      fromPersonId: from,
      toPersonId: to,
      startsAt,
      endsAt,
    });
    expect(forSomeoneElse.status).toBe(403);

    const ended = await call(api.url, 'DELETE', `/v1/delegations/${delegationId}`, asFrom);
    expect(ended.status).toBe(200);
    expect(
      (await call<{ items: unknown[] }>(api.url, 'GET', '/v1/delegations', asTo)).body.items,
    ).toEqual([]);
  });

  it('non-admins get 403 on the admin routes; officers may not ask the as-of question', async () => {
    const id = await register();
    const attempts: [string, string, unknown?][] = [
      ['GET', '/v1/people'],
      ['GET', `/v1/people/${id}`],
      ['POST', '/v1/people', personBody()],
      ['PATCH', `/v1/people/${id}`, { email: 'x@kisa.example' }],
      ['POST', `/v1/people/${id}/roles`, { role: 'admin' }],
      ['DELETE', `/v1/people/${id}/roles/agency_officer`],
      ['POST', `/v1/people/${id}/deactivate`, { reason: 'no' }],
      ['POST', '/v1/agencies', { code: 'NEWAGENCY', name: 'New', kind: 'agency' }],
      ['PATCH', '/v1/agencies/KISA', { name: 'Renamed' }],
      ['GET', '/v1/audit/directory/role-holders?role=admin&agency=KISA&on=2026-11-01'],
    ];
    for (const who of [officer, caller('bureau_head', 'MSIT')]) {
      for (const [method, path, body] of attempts) {
        const res = await call(api.url, method, path, who, body);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
      }
    }
    for (const [method, path, body] of attempts.slice(0, 1)) {
      expect((await call(api.url, method, path, auditor, body)).status).toBe(403);
    }
    expect((await call(api.url, 'GET', `/v1/people/${id}`, admin)).body).toMatchObject({
      version: 1,
    });
  });

  it('bad input is a 400 naming the field, and writes nothing', async () => {
    const id = await register();
    const cases: [string, string, unknown, string][] = [
      ['POST', '/v1/people', personBody({ login: 'has space' }), 'login'],
      ['POST', '/v1/people', personBody({ displayName: { ko: '이' } }), 'displayName.en'],
      ['POST', '/v1/people', personBody({ roles: ['boss'] }), 'roles'],
      ['POST', '/v1/people', personBody({ email: 'nope' }), 'email'],
      ['POST', '/v1/people', personBody({ agency: 'kisa' }), 'agency'],
      ['POST', '/v1/people', { ...personBody(), extra: 1 }, 'extra'],
      ['POST', `/v1/people/${id}/roles`, { role: 'superuser' }, 'role'],
      ['DELETE', `/v1/people/${id}/roles/superuser`, undefined, 'role'],
      ['GET', '/v1/people/not-a-uuid', undefined, 'id'],
      ['POST', `/v1/people/${id}/deactivate`, {}, 'reason'],
      ['POST', '/v1/agencies', { code: 'lower', name: 'x', kind: 'agency' }, 'code'],
      ['PATCH', '/v1/agencies/KISA', { active: 'yes' }, 'active'],
      [
        'POST',
        '/v1/delegations',
        { toPersonId: id, startsAt: 'soon', endsAt: 'later' },
        'startsAt',
      ],
      [
        'GET',
        '/v1/audit/directory/role-holders?role=admin&agency=KISA&on=yesterday',
        undefined,
        'on',
      ],
      [
        'GET',
        '/v1/audit/directory/role-holders?role=admin&agency=KISA&on=2026-02-30',
        undefined,
        'on',
      ],
      [
        'GET',
        '/v1/audit/directory/role-holders?role=chief&agency=KISA&on=2026-02-03',
        undefined,
        'role',
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await call(api.url, method, path, admin, body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status: 400 });
      expect(fieldsOf(res.body)).toContain(field);
    }
    expect((await call(api.url, 'GET', `/v1/people/${id}`, admin)).body).toMatchObject({
      version: 1,
    });
  });

  it('PATCH /agencies/:code with nothing different records nothing; an unknown agency is 404', async () => {
    const agencies = await call<{ code: string; name: string }[]>(
      api.url,
      'GET',
      '/v1/agencies',
      admin,
    );
    const kisa = (Array.isArray(agencies.body) ? agencies.body : []).find((a) => a.code === 'KISA');
    const same = await call(api.url, 'PATCH', '/v1/agencies/KISA', admin, {
      name: kisa?.name ?? 'Korea Internet & Security Agency',
    });
    expect(same.status).toBe(200);
    expect((await call(api.url, 'PATCH', '/v1/agencies/NOSUCH', admin, { name: 'x' })).status).toBe(
      404,
    );
  });

  it('the OpenAPI document describes the routes and their answers (the web app’s types)', () => {
    const doc = createOpenApiDocument(api.app);
    const schemaOf = (path: string, method: string, status: string) =>
      JSON.stringify(
        (doc.paths[path] as Record<string, { responses: Record<string, unknown> }>)[method]
          .responses[status],
      );
    expect(schemaOf('/v1/people', 'get', '200')).toContain('PeoplePageDto');
    expect(schemaOf('/v1/people', 'post', '201')).toContain('CommandResultDto');
    expect(schemaOf('/v1/delegations', 'get', '200')).toContain('DelegationsPageDto');
    expect(schemaOf('/v1/audit/directory/role-holders', 'get', '200')).toContain('RoleHoldersDto');
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['PersonDto', 'RegisterPersonRequest', 'DisplayNameRequest']),
    );
  });
});
