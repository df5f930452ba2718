/**
 * The demo's joint task (주관/협조): MSIT's bureau head gives FSC a task with FSI as supporting
 * agency. FSI finds its contribution task in its own inbox and reads the lead; FSC's submit is
 * refused while FSI's part is out; FSI submits, the lead records it, FSC submits the joint
 * answer and MSIT accepts both.
 */
import { ApiClient, ApiError } from './api-client';
import { renderTable } from './board-table';
import { TokenFor } from './workshop-scenario';

interface Contribution {
  contributionId: string;
  agency: string;
  status: string;
  dueAt: string;
  response?: string;
}
interface Task {
  status: string;
  version: number;
  kind?: string;
  leadFollowUpId?: string;
  contributions?: Contribution[];
}

export async function showJointTask(
  baseUrl: string,
  tokenFor: TokenFor,
  source: { workshopId: string; sourceId: string },
  log: (line: string) => void,
): Promise<void> {
  const msit = new ApiClient(baseUrl, tokenFor('bureau_head', 'MSIT'));
  const fsc = msit.as(tokenFor('agency_officer', 'FSC'));
  const fsi = msit.as(tokenFor('agency_officer', 'FSI'));
  const nis = msit.as(tokenFor('agency_officer', 'NIS'));
  const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
  const task = (who: ApiClient, id: string) => who.ok<Task>('GET', `/v1/follow-ups/${id}`);

  log('A joint task: FSC leads (주관기관), FSI contributes (협조기관)');
  const { id: lead } = await msit.ok<{ id: string }>('POST', '/v1/follow-ups', {
    ...source,
    assigneeAgency: 'FSC',
    title: 'Brief on AI-enabled fraud in the financial sector',
    dueAt: days(14),
    supportingAgencies: [
      { agency: 'FSI', dueAt: days(7), instructions: 'Incident figures for the last two years' },
    ],
  });
  const asked = (await task(msit, lead)).contributions ?? [];
  const fsiPart = asked[0].contributionId;
  log(`MSIT assigned the lead to FSC and asked FSI for a contribution, due ${asked[0].dueAt}`);

  // The worker opens the contribution task from the request and routes it to FSI's queue.
  const opened = await until(async () => {
    const res = await fsi.request<Task>('GET', `/v1/follow-ups/${fsiPart}`);
    return res.status === 200 && res.body.status !== 'assigned' ? res.body : undefined;
  });
  log(
    `FSI's contribution task: kind ${opened.kind}, lead ${opened.leadFollowUpId}, ${opened.status}`,
  );
  const lead4Fsi = await fsi.request<Task>('GET', `/v1/follow-ups/${lead}`);
  const lead4Nis = await nis.request('GET', `/v1/follow-ups/${lead}`);
  log(`FSI reads the lead task: ${lead4Fsi.status}; NIS, not on it: ${lead4Nis.status}`);

  for (const verb of ['acknowledge', 'start']) {
    await fsc.ok('POST', `/v1/follow-ups/${lead}/${verb}`, {});
  }
  const early = await fsc.request<{ message: string }>('POST', `/v1/follow-ups/${lead}/submit`, {
    response: 'Joint brief (draft)',
  });
  log(`FSC submits before FSI's part is in: ${early.status} (${early.body.message})`);

  for (const verb of ['acknowledge', 'start']) {
    await fsi.ok('POST', `/v1/follow-ups/${fsiPart}/${verb}`, {});
  }
  await fsi.ok('POST', `/v1/follow-ups/${fsiPart}/submit`, {
    response: '312 incidents in 2024–2025; figures attached',
  });
  await until(async () => {
    const c = (await task(fsc, lead)).contributions?.[0];
    return c?.status === 'submitted' ? c : undefined;
  });
  log('FSI submitted its part; the lead task recorded it (FollowUpContributionReceived)');

  await fsc.ok('POST', `/v1/follow-ups/${lead}/submit`, {
    response: 'Joint brief with FSI incident figures',
  });
  await msit.ok('POST', `/v1/follow-ups/${fsiPart}/accept`, {});
  // The lead records the acceptance (the worker's process) before it is closed itself.
  await until(async () => {
    const c = (await task(msit, lead)).contributions?.[0];
    return c?.status === 'accepted' ? c : undefined;
  });
  await msit.ok('POST', `/v1/follow-ups/${lead}/accept`, {});
  const done = await task(msit, lead);
  log(`MSIT accepted FSI's part and the joint answer; the lead is ${done.status}:`);
  const rows = (done.contributions ?? []).map((c) => [c.agency, c.status, c.response ?? '']);
  for (const line of renderTable(['supporting agency', 'status', 'answer'], rows).split('\n')) {
    log(`  ${line}`);
  }
}

/** Polls until the probe answers (the worker's process runs beside the API). */
async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new ApiError(504, {}, 'waiting for the worker');
    await new Promise((r) => setTimeout(r, 100));
  }
}
