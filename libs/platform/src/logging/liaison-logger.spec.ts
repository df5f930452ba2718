import { Writable } from 'node:stream';
import pino from 'pino';
import { LiaisonLogger } from './liaison-logger';

function capture(level = 'trace') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: new LiaisonLogger(pino({ level }, sink)) };
}

describe('LiaisonLogger (Nest over pino)', () => {
  it('puts the context Nest passes last in `context` and the message in `msg`', () => {
    const { lines, logger } = capture();
    logger.log('worker started', 'Worker');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'Worker', msg: 'worker started' }),
    ]);
  });

  it('merges an object message into the line and puts an Error in `err`', () => {
    const { lines, logger } = capture();
    logger.warn({ decision: 'deny', status: 403 }, 'Access');
    logger.error(new Error('boom'), 'Errors');
    expect(lines[0]).toEqual(
      expect.objectContaining({ level: 40, context: 'Access', decision: 'deny', status: 403 }),
    );
    expect(lines[1]).toEqual(
      expect.objectContaining({
        level: 50,
        context: 'Errors',
        err: expect.objectContaining({ message: 'boom' }),
      }),
    );
  });

  it("reads Nest's exception handlers' (message, stack) as an error, not a context", () => {
    const { lines, logger } = capture();
    logger.error('failed', 'Error: failed\n    at somewhere (file.js:1:1)');
    expect(lines[0]).toEqual(
      expect.objectContaining({
        err: expect.objectContaining({
          message: 'failed',
          stack: 'Error: failed\n    at somewhere (file.js:1:1)',
        }),
      }),
    );
    expect(lines[0]).not.toHaveProperty('context');
  });

  it('maps verbose to trace and writes nothing below the level', () => {
    const { lines, logger } = capture('debug');
    logger.verbose('hidden');
    logger.debug('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });
});
