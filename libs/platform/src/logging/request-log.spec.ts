import Fastify from 'fastify';
import { Writable } from 'node:stream';
import pino from 'pino';
import { useRequestLog } from './request-log';

async function serve(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const fastify = Fastify({ genReqId: () => 'req-1' });
  useRequestLog(fastify, pino({ level }, sink));
  fastify.get('/*', async () => 'ok');
  return { lines, fastify };
}

describe('useRequestLog', () => {
  it("logs each finished request once with Fastify's id, the correlation id and the status", async () => {
    const { lines, fastify } = await serve('info');
    await fastify.inject({ url: '/v1/follow-ups?x=1', headers: { 'x-correlation-id': 'corr-7' } });
    await fastify.inject({ url: '/v1/agencies' });
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        req: { id: 'req-1', method: 'GET', url: '/v1/follow-ups?x=1' },
        res: { statusCode: 200 },
        correlationId: 'corr-7',
        responseTime: expect.any(Number),
      }),
      expect.objectContaining({ correlationId: 'req-1' }),
    ]);
  });

  it("redacts a counterpart link's token and skips the probes", async () => {
    const { lines, fastify } = await serve('info');
    await fastify.inject({ url: '/respond/secret.token.mac' });
    await fastify.inject({ url: '/health' });
    expect(lines.map((l) => (l.req as { url: string }).url)).toEqual(['/respond/[redacted]']);
  });

  it('adds nothing when info is off', async () => {
    const { lines, fastify } = await serve('warn');
    await fastify.inject({ url: '/v1/follow-ups' });
    expect(lines).toEqual([]);
  });
});
