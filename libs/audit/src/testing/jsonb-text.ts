/**
 * A value as Postgres prints it as jsonb text (`value::jsonb::text`), so the jsonb fast paths
 * can be specified without a database: object keys by UTF-8 length, then by bytes (jsonb's own
 * order); `": "` and `", "` between parts; strings escaped as JSON.stringify escapes them (the
 * same as Postgres for well-formed text without NUL, all jsonb can hold); numbers as numeric
 * prints what JSON.stringify wrote: in plain notation, never with an exponent.
 * jsonb-canonical.int-spec holds this to a real Postgres.
 */
export function asJsonbText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(asJsonbText).join(', ')}]`;
  if (typeof value === 'number') return plainDecimal(JSON.stringify(value));
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => {
    const x = Buffer.from(a, 'utf8');
    const y = Buffer.from(b, 'utf8');
    return x.length - y.length || Buffer.compare(x, y);
  });
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${asJsonbText(v)}`).join(', ')}}`;
}

/** "1.5e-7" → "0.00000015", "1e+21" → "1000000000000000000000": numeric's output of the input. */
function plainDecimal(json: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(json);
  if (!match) throw new Error(`not a JSON number: ${json}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
