/**
 * Projections write to the live schema, a rebuild schema or a throwaway check schema, so table
 * names are built at run time. Only plain lower-case identifiers pass, which keeps the
 * interpolation safe without quoting rules to get wrong.
 */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function identifier(name: string): string {
  if (!IDENTIFIER.test(name))
    throw new Error(`Not a plain SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

export function qualified(schema: string, table: string): string {
  return `${identifier(schema)}.${identifier(table)}`;
}
