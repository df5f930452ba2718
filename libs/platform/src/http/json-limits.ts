import type { FastifyInstance, FastifyRequest } from 'fastify';

/** How deep and how wide a JSON request body may be. */
export interface JsonLimits {
  maxDepth: number;
  maxKeys: number;
}

/** A body over a limit: 400, answered by Fastify's parser before anything reads the body. */
export class JsonLimitError extends Error {
  readonly statusCode = 400;

  constructor(message: string) {
    super(message);
    this.name = 'JsonLimitError';
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * Checks nesting depth and the number of object keys in one pass over the raw text, before
 * JSON.parse: everything downstream (class-transformer, class-validator, JSON.stringify of the
 * idempotency record) recurses, and a 59 KiB body of nested arrays overflowed their stacks.
 * Colons outside strings are exactly the keys of a well-formed document; a malformed one is
 * refused by JSON.parse afterwards either way.
 */
export function checkJsonLimits(text: string, limits: JsonLimits): void {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (OPEN.has(c)) {
      if (++depth > limits.maxDepth) {
        throw new JsonLimitError(`JSON body nests deeper than ${limits.maxDepth} levels`);
      }
    } else if (CLOSE.has(c)) {
      depth--;
    } else if (c === COLON && ++keys > limits.maxKeys) {
      throw new JsonLimitError(`JSON body has more than ${limits.maxKeys} keys`);
    }
  }
}

type Done = (err: Error | null, value?: unknown) => void;

/** What Nest's Fastify application offers for replacing its JSON parser. */
interface BodyParserHost {
  getHttpAdapter(): { getInstance(): FastifyInstance };
  useBodyParser(
    type: string,
    options: { bodyLimit: number },
    parser: (req: FastifyRequest, body: Buffer, done: Done) => void,
  ): unknown;
}

/** Fastify's own JSON parser (its messages, its prototype-poisoning checks), limits first. */
export function useLimitedJsonParser(
  app: BodyParserHost,
  limits: JsonLimits & { bodyLimit: number },
): void {
  const parse = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: limits.bodyLimit }, (req, body, done) => {
    const text = body.toString('utf8');
    try {
      checkJsonLimits(text, limits);
    } catch (err) {
      return done(err as Error);
    }
    parse(req, text, done);
  });
}
