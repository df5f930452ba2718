/**
 * BENCH_PERSONAL_DATA=1 for bench:api: a person update through the API (`PATCH /v1/people/:id`
 * by an admin's bearer token), measured in the same rounds as the verb and the bare route, in
 * two kinds that differ only in what the new event carries:
 *
 * - `person_sealed`: new display names (ko, en) and e-mail, which the directory seals
 *   (AES-256-GCM under the person's data key) into PersonUpdated;
 * - `person_clear`: a new IdP subject only, which is not personal data and stays in clear.
 *
 * Both run the directory's whole write (one transaction: the person's stream read and its
 * sealed history opened, decide, append, the `people` row): the difference is the sealing.
 * The follow-up verb itself carries no personal field, so encryption costs it nothing.
 */
import type autocannon from 'autocannon';

let seq = 0;

/** Registers `count` people (KISA officers) and returns their ids. */
export async function preparePeople(
  post: <T>(url: string, token: string, body: unknown) => Promise<T>,
  api: string,
  admin: string,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  const run = `${process.pid}-${Date.now().toString(36)}`;
  for (let i = 0; i < count; i++) {
    const { id } = await post<{ id: string }>(`${api}/v1/people`, admin, {
      login: `bench.${run}.${i}`,
      displayName: { ko: `김벤치${i}`, en: `Kim Bench ${i}` },
      email: `bench.${run}.${i}@kisa.example`,
      agency: 'KISA',
      roles: ['agency_officer'],
    });
    ids.push(id);
  }
  return ids;
}

/** The request of one kind of person update, round-robin over `ids`, each body new. */
export function personUpdate(
  kind: 'sealed' | 'clear',
  ids: string[],
  admin: string,
): autocannon.Request {
  let next = 0;
  return {
    method: 'PATCH',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    setupRequest: (req) => {
      const n = seq++;
      const body =
        kind === 'sealed'
          ? {
              displayName: { ko: `김벤치${n}`, en: `Kim Bench ${n}` },
              email: `bench.${n}@kisa.example`,
            }
          : { oidcSubject: `bench-subject-${process.pid}-${n}` };
      return {
        ...req,
        path: `/v1/people/${ids[next++ % ids.length]}`,
        body: JSON.stringify(body),
      };
    },
  };
}
