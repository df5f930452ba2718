/** What canonicalJson says when it refuses (the 422 an appender reads), and the plain objects
 * it takes: any object with Object.prototype or no prototype at all. */
import { canonicalJson } from './canonical-json';
import { InvalidAppendError } from './event-store.errors';

function refusal(value: unknown): string {
  try {
    canonicalJson(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidAppendError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('canonicalJson refusals say why', () => {
  it.each<[string, unknown, string]>([
    ['a lone surrogate', { s: '\ud800' }, '$.s has a lone surrogate'],
    ['a NUL character', { s: 'a\u0000' }, '$.s contains a NUL character'],
    ['NaN', { n: NaN }, '$.n is not finite (NaN)'],
    ['-Infinity', [1, -Infinity], '$[1] is not finite (-Infinity)'],
    ['a function', { f: () => 1 }, '$.f is a function, which JSON cannot hold'],
    ['a Date', { at: new Date(0) }, '$.at is a Date; store plain JSON (dates as ISO strings)'],
    ['a Map', { m: new Map() }, '$.m is a Map; store plain JSON (dates as ISO strings)'],
  ])('given %s, then the message names the path and the cause', (_case, value, message) => {
    expect(refusal(value)).toBe(message);
  });

  it('given an object of a class without a constructor name, then it is called an object', () => {
    const odd = Object.create({});
    expect(refusal({ o: odd })).toBe('$.o is a Object; store plain JSON (dates as ISO strings)');
    const bare = Object.create(Object.create(null));
    expect(refusal({ o: bare })).toBe('$.o is a object; store plain JSON (dates as ISO strings)');
  });

  it('given an object with no prototype (as a JSON reviver may build), then it is plain JSON', () => {
    const bare = Object.assign(Object.create(null), { b: 2, a: 1 });
    expect(canonicalJson({ x: bare })).toBe('{"x":{"a":1,"b":2}}');
  });

  it('given the same object twice, side by side, then it is no cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}');
  });

  it('given a cycle, then it is refused naming where it closes', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(refusal(loop)).toBe('$.self is a circular reference');
  });
});
