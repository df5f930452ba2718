/**
 * Routing in the main job: KISA receives its tasks on a webhook (a small receiver started
 * here, which verifies each signature), every agency's queue is shown from the queue
 * dashboard's API, and one task with a short due time is escalated once overdue.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../libs/routing/src/delivery/webhook-signature';
import { ApiClient } from './api-client';

/** Short deadlines for the worker, so that an escalation happens while the demo watches. */
export const ROUTING_DEMO_ENV = {
  REMINDER_LEAD_MS: '2000',
  ESCALATION_GRACE_MS: '2000',
  // KISA's receiver below listens on 127.0.0.1 over http, which webhooks may not use by default
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
};

const SECRET = 'demo-kisa-webhook-secret-0123456789';

export interface WebhookReceiver {
  url: string;
  received: { title: string; verified: boolean }[];
  close(): Promise<void>;
}

/** KISA's end of the webhook: takes each task and checks its signature. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookReceiver['received'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const ts = String(req.headers['x-liaison-timestamp']);
      const signature = String(req.headers['x-liaison-signature']);
      const title = String((JSON.parse(body) as { task?: { title?: string } }).task?.title);
      received.push({ title, verified: verifyWebhook(SECRET, ts, body, signature) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/liaison`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function registerKisaWebhook(admin: ApiClient, receiver: WebhookReceiver) {
  await admin.ok('POST', '/v1/admin/agencies/KISA/webhook', { url: receiver.url, secret: SECRET });
}

interface QueueInfo {
  name: string;
  counts: Record<string, number>;
}

export async function showRouting(
  admin: ApiClient,
  msit: ApiClient,
  receiver: WebhookReceiver,
  source: { workshopId: string; sourceId: string },
  log: (line: string) => void,
): Promise<void> {
  await waitUntil(() => receiver.received.length > 0, 15_000);
  for (const r of receiver.received) {
    log(`KISA's webhook received "${r.title}" (signature ${r.verified ? 'verified' : 'WRONG'})`);
  }

  const { queues } = await admin.ok<{ queues: QueueInfo[] }>('GET', '/admin/queues/api/queues');
  log('Jobs per agency queue (from /admin/queues):');
  for (const q of queues.filter((q) => q.name.startsWith('agency-'))) {
    const total = Object.values(q.counts).reduce((a, b) => a + b, 0);
    if (total > 0) log(`  ${q.name.padEnd(14)} ${total}`);
  }

  const dueAt = new Date(Date.now() + 3000).toISOString();
  const { id } = await msit.ok<{ id: string }>('POST', '/v1/follow-ups', {
    ...source,
    assigneeAgency: 'NIS',
    title: 'Confirm attendance at the follow-up call (due in 3 seconds)',
    dueAt,
  });
  log(`follow-up ${id} → NIS, due ${dueAt}; waiting for the deadline to pass…`);
  const escalated = await waitUntil(async () => {
    const task = await msit.ok<{ overdue: boolean; escalated: boolean }>(
      'GET',
      `/v1/follow-ups/${id}`,
    );
    return task.escalated;
  }, 30_000);
  log(escalated ? 'it is overdue and was escalated to MSIT' : 'no escalation seen within 30 s');
}

async function waitUntil(probe: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
