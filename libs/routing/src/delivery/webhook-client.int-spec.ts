import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { postSignedWebhook, WebhookDeliveryError } from './webhook-client';
import { WebhookTargetPolicy } from './webhook-target-policy';

/** A real receiver on 127.0.0.1; the policy decides whether delivery may reach it. */
describe('postSignedWebhook and the target policy', () => {
  let server: Server;
  let port: number;
  let received = 0;
  let answer = 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      received++;
      req.resume();
      res.writeHead(answer, answer === 302 ? { location: 'http://169.254.169.254/' } : {}).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    received = 0;
    answer = 200;
  });

  const post = (url: string, targets: WebhookTargetPolicy) =>
    postSignedWebhook({
      url,
      secret: 'secret-0123456789abcdef',
      body: '{"task":1}',
      deliveryId: 'd1',
      timeoutMs: 2000,
      targets,
    });

  it('delivers to an allow-listed address', async () => {
    const targets = WebhookTargetPolicy.parse('127.0.0.1');
    await expect(post(`http://127.0.0.1:${port}/kisa`, targets)).resolves.toBe(200);
    expect(received).toBe(1);
  });

  it('refuses, after resolving the name, a host whose address is not public', async () => {
    // the URL passes as written (https, a name): only its resolution shows where it leads
    const targets = WebhookTargetPolicy.PUBLIC_HTTPS_ONLY;
    expect(targets.urlProblem(`https://localhost:${port}/kisa`)).toBeUndefined();
    const attempt = post(`https://localhost:${port}/kisa`, targets);
    await expect(attempt).rejects.toThrow(WebhookDeliveryError);
    await expect(post(`https://localhost:${port}/kisa`, targets)).rejects.toThrow(/non-public/);
    expect(received).toBe(0);
  });

  it('refuses an address as written, and http, without connecting', async () => {
    const targets = WebhookTargetPolicy.PUBLIC_HTTPS_ONLY;
    await expect(post(`http://127.0.0.1:${port}/kisa`, targets)).rejects.toThrow('https');
    await expect(post(`https://169.254.169.254/latest`, targets)).rejects.toThrow('non-public');
    expect(received).toBe(0);
  });

  it('does not follow a redirect', async () => {
    answer = 302;
    const targets = WebhookTargetPolicy.parse('127.0.0.1');
    await expect(post(`http://127.0.0.1:${port}/kisa`, targets)).rejects.toThrow('answered 302');
  });
});
