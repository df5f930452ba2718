/**
 * Canonical JSON (keys sorted, no whitespace: the event store's `canonicalJson` of the parsed
 * value), written as UTF-8 bytes straight from the text Postgres prints for a jsonb value,
 * without JSON.parse and without building strings: the hot path of chain verification.
 *
 * Postgres prints jsonb in one fixed shape: `": "` after keys, `", "` between items, strings
 * escaped exactly as JSON.stringify escapes them, numbers in plain notation. So string bytes are
 * copied as they are, separators dropped, object members re-ordered (jsonb keeps keys by
 * length first) and numbers re-printed the way JavaScript prints them. Anything outside that
 * shape, and keys with escapes (their bytes do not order as their characters), throws
 * NotJsonbText: the caller falls back to JSON.parse + canonicalJson, and a hash mismatch is
 * confirmed on that exact path before it is reported.
 */
export class NotJsonbText extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const SPACE = 0x20;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
/** UTF-8 lead bytes of U+E000–U+FFFF (0xEE, 0xEF) and of supplementary characters (0xF0 up). */
const LEAD_E000 = 0xee;
const LEAD_SUPPLEMENTARY = 0xf0;
const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/** One object's members (key and value extents in the source), in reusable typed arrays. */
class MemberTable {
  keyStart = new Int32Array(16);
  keyEnd = new Int32Array(16);
  valueStart = new Int32Array(16);
  valueEnd = new Int32Array(16);
  order = new Int32Array(16);

  ensure(n: number): void {
    // Stryker disable next-line EqualityOperator: equivalent; growing at n = length is early, not wrong
    if (n <= this.keyStart.length) return;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(n * 2);
      b.set(a);
      return b;
    };
    this.keyStart = grow(this.keyStart);
    this.keyEnd = grow(this.keyEnd);
    this.valueStart = grow(this.valueStart);
    this.valueEnd = grow(this.valueEnd);
    this.order = grow(this.order);
  }
}

/**
 * Writes canonical JSON bytes of jsonb text into an output buffer. One writer per thread: it
 * keeps its buffers between calls.
 */
export class JsonbCanonicalWriter {
  /** Where `write` puts the UTF-8 bytes of a string. */
  // Stryker disable next-line ArithmeticOperator: equivalent; write() grows it to the text's size
  private own: Buffer = Buffer.allocUnsafe(64 * 1024);
  /** The bytes being read: `own`, or the caller's buffer. */
  private src: Buffer = this.own;
  private srcEnd = 0;
  private at = 0;
  private out: Buffer = Buffer.allocUnsafe(0);
  private pos = 0;
  private readonly tables: MemberTable[] = [];
  private depth = 0;

  /**
   * Writes the canonical form of `jsonbText` into `out` at `offset`; returns the offset after
   * it. Throws RangeError when `out` is too small (the caller retries with a bigger one).
   */
  write(jsonbText: string, out: Buffer, offset: number): number {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and >=; growing early is speed only (false is killed by the 100 000-character spec)
    if (jsonbText.length * 3 > this.own.length) this.own = Buffer.allocUnsafe(jsonbText.length * 3);
    // Stryker disable next-line StringLiteral: equivalent; Buffer#write reads '' as utf8
    return this.writeBytes(this.own, 0, this.own.write(jsonbText, 0, 'utf8'), out, offset);
  }

  /** The same from UTF-8 bytes already in a buffer (`source[start..end)`), copied from nowhere. */
  writeBytes(source: Buffer, start: number, end: number, out: Buffer, offset: number): number {
    this.src = source;
    this.srcEnd = end;
    this.at = start;
    this.out = out;
    this.pos = offset;
    this.depth = 0;
    this.value();
    if (this.at !== this.srcEnd) throw new NotJsonbText('trailing text');
    return this.pos;
  }

  /** Canonical JSON as a string (for tests and the rare paths). */
  toText(jsonbText: string): string {
    const out = Buffer.allocUnsafe(jsonbText.length * 3 + 16);
    return out.toString('utf8', 0, this.write(jsonbText, out, 0));
  }

  private value(): void {
    const at = this.at;
    switch (this.src[at]) {
      case OPEN_OBJECT:
        return this.object();
      case OPEN_ARRAY:
        return this.array();
      case QUOTE:
        this.skipString(at);
        return this.copy(at, this.at);
      case 0x74: // t
        return this.literal(4, 0x65); // true
      case 0x66: // f
        return this.literal(5, 0x65); // false
      case 0x6e: // n
        return this.literal(4, 0x6c); // null
      default:
        return this.number();
    }
  }

  /**
   * An object in two steps: find its members (where each key and value lies) without writing,
   * then write them in key order, each value straight from the source. So every byte is copied
   * once, not once more per nesting level; a nested value is scanned once more per enclosing
   * object instead, which is cheaper at the depths events have.
   */
  private object(): void {
    const src = this.src;
    this.at++;
    if (src[this.at] === CLOSE_OBJECT) {
      this.at++;
      this.byte(OPEN_OBJECT);
      this.byte(CLOSE_OBJECT);
      return;
    }
    const t = (this.tables[this.depth] ??= new MemberTable());
    let n = 0;
    for (;;) {
      t.ensure(n + 1);
      t.keyStart[n] = this.at;
      if (this.skipString(this.at)) throw new NotJsonbText('key with an escape');
      t.keyEnd[n] = this.at;
      this.expect(COLON);
      t.valueStart[n] = this.at;
      this.skipValue();
      t.valueEnd[n] = this.at;
      n++;
      if (src[this.at] === CLOSE_OBJECT) break;
      this.expect(COMMA);
    }
    const objectEnd = this.at + 1;
    this.sortMembers(t, n);
    // A table per nesting level; counting the other way still gives each open object its own.
    // Stryker disable next-line UpdateOperator: equivalent; as above
    this.depth++;
    this.byte(OPEN_OBJECT);
    for (let i = 0; i < n; i++) {
      const m = t.order[i];
      if (i > 0) this.byte(COMMA);
      this.copy(t.keyStart[m], t.keyEnd[m]);
      this.byte(COLON);
      const start = t.valueStart[m];
      const end = t.valueEnd[m];
      // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent for false; value() copies a string token the same way, after scanning it again
      if (src[start] === QUOTE) {
        this.copy(start, end); // a string, already found whole by skipValue
        continue;
      }
      this.at = start;
      this.value();
      if (this.at !== end) throw new NotJsonbText(`malformed value at ${start}`);
    }
    this.byte(CLOSE_OBJECT);
    // Stryker disable next-line UpdateOperator: equivalent; later objects take fresh tables, never an open ancestor's
    this.depth--;
    this.at = objectEnd;
  }

  /** t.order = the members in key order (insertion sort: objects are small). */
  private sortMembers(t: MemberTable, n: number): void {
    const order = t.order;
    for (let i = 0; i < n; i++) {
      let j = i;
      for (; j > 0 && this.compareKeys(t, order[j - 1], i) > 0; j--) order[j] = order[j - 1];
      order[j] = i;
    }
  }

  /**
   * JavaScript's order (UTF-16 code units) of two keys, from their UTF-8 bytes. Byte order is
   * code point order, which UTF-16 shares except between U+E000–U+FFFF and supplementary
   * characters (surrogates sort below U+E000): at the first differing byte both strings are at
   * the start of a character, so those two lead-byte classes are swapped there.
   */
  private compareKeys(t: MemberTable, a: number, b: number): number {
    const src = this.src;
    // The extents include the quotes.
    let i = t.keyStart[a] + 1;
    let j = t.keyStart[b] + 1;
    const ie = t.keyEnd[a] - 1;
    const je = t.keyEnd[b] - 1;
    for (; i < ie && j < je; i++, j++) {
      const x = src[i];
      const y = src[j];
      if (x === y) continue;
      if (x >= LEAD_E000 && y >= LEAD_E000 && x >= LEAD_SUPPLEMENTARY !== y >= LEAD_SUPPLEMENTARY) {
        return y - x;
      }
      return x - y;
    }
    return ie - i - (je - j);
  }

  private array(): void {
    this.at++;
    this.byte(OPEN_ARRAY);
    if (this.src[this.at] === CLOSE_ARRAY) {
      this.at++;
      this.byte(CLOSE_ARRAY);
      return;
    }
    for (let first = true; ; first = false) {
      if (!first) this.byte(COMMA);
      this.value();
      if (this.src[this.at] === CLOSE_ARRAY) break;
      this.expect(COMMA);
    }
    this.at++;
    this.byte(CLOSE_ARRAY);
  }

  /** Moves past one value without writing it; writing it later checks its shape. */
  private skipValue(): void {
    const src = this.src;
    const end = this.srcEnd;
    let at = this.at;
    const first = src[at];
    if (first === QUOTE) {
      this.skipString(at);
      return;
    }
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      // a number or literal: up to the separator or bracket after it
      while (at < end && src[at] !== COMMA && src[at] !== CLOSE_OBJECT && src[at] !== CLOSE_ARRAY) {
        at++;
      }
      this.at = at;
      return;
    }
    let depth = 0;
    while (at < end) {
      const c = src[at];
      if (c === QUOTE) {
        this.skipString(at);
        at = this.at;
        continue;
      }
      at++;
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) {
        this.at = at;
        return;
      }
    }
    throw new NotJsonbText('unterminated value');
  }

  /**
   * Moves past a string token (Postgres escapes as JSON.stringify does); says whether it holds
   * an escape. A plain loop: most strings are short, and indexOf's native call costs more.
   */
  private skipString(start: number): boolean {
    const src = this.src;
    const end = this.srcEnd;
    if (src[start] !== QUOTE) throw new NotJsonbText(`expected a string at ${start}`);
    let escaped = false;
    for (let i = start + 1; i < end; i++) {
      const c = src[i];
      if (c === QUOTE) {
        this.at = i + 1;
        return escaped;
      }
      if (c === BACKSLASH) {
        escaped = true;
        i++;
      }
    }
    throw new NotJsonbText('unterminated string');
  }

  private number(): void {
    const src = this.src;
    const start = this.at;
    let end = start;
    // Every mutant that only sends a number to the slow path below (JSON.stringify of Number) is
    // equivalent: that path prints a plain integer the same; those that copy one it should not
    // are killed (jsonb-canonical.mutants.spec.ts: -0, 16 digits and more, a leading zero).
    // Stryker disable next-line BooleanLiteral: equivalent; slow path only
    let plain = true;
    while (end < this.srcEnd) {
      const c = src[end];
      if (c >= 0x30 && c <= 0x39) end++;
      else if (c === 0x2d && end === start) end++;
      else if (c === 0x2e || c === 0x2b || c === 0x2d || c === 0x65 || c === 0x45) {
        plain = false;
        end++;
      } else break;
    }
    this.at = end;
    const digits = end - start - (src[start] === 0x2d ? 1 : 0);
    const lead = src[end - digits];
    // Up to 15 digits an integer is exact in a double, so it prints back as itself.
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent for < 15 and false; slow path only (true is killed: 16 digits)
    const exact = digits <= 15;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,BlockStatement: equivalent toward the slow path (see plain); the rest are killed
    if (plain && digits > 0 && exact && (lead !== 0x30 || digits === 1)) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral,EqualityOperator: equivalent toward the slow path (see plain); copying -0 is killed
      if (!(digits === 1 && lead === 0x30 && src[start] === 0x2d)) return this.copy(start, end); // not "-0"
    }
    const token = src.toString('latin1', start, end);
    const n = Number(token);
    if (!JSON_NUMBER.test(token) || !Number.isFinite(n)) {
      throw new NotJsonbText(`not a number JavaScript can hold at ${start}`);
    }
    this.pos += this.out.write(JSON.stringify(n), this.pos, 'latin1');
  }

  private literal(length: number, last: number): void {
    if (this.src[this.at + length - 1] !== last)
      throw new NotJsonbText(`bad literal at ${this.at}`);
    this.copy(this.at, this.at + length);
    this.at += length;
  }

  /** Postgres's separators: `: ` and `, ` exactly. */
  private expect(separator: number): void {
    if (this.src[this.at] !== separator || this.src[this.at + 1] !== SPACE) {
      throw new NotJsonbText(`expected "${String.fromCharCode(separator)} " at ${this.at}`);
    }
    this.at += 2;
  }

  private copy(from: number, to: number): void {
    const out = this.out;
    if (this.pos + (to - from) > out.length) throw new RangeError('output buffer full');
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,BlockStatement: equivalent; Buffer#copy and the loop copy the same bytes (the threshold is speed only)
    if (to - from > 256) {
      this.pos += this.src.copy(out, this.pos, from, to);
      return;
    }
    // A plain loop: Buffer#copy costs more than the few bytes of a typical token.
    const src = this.src;
    let p = this.pos;
    for (let i = from; i < to; i++) out[p++] = src[i];
    this.pos = p;
  }

  private byte(b: number): void {
    if (this.pos >= this.out.length) throw new RangeError('output buffer full');
    this.out[this.pos++] = b;
  }
}
