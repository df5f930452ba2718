/** `--name value` or `--name=value`. */
export function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/**
 * --database-url, else DATABASE_DIRECT_URL or DATABASE_URL as the apps read them (never a
 * pooler in transaction mode: the backup exports a snapshot, the restore takes session locks).
 */
export function cliDatabaseUrl(argv: readonly string[]): string {
  return (
    option(argv, '--database-url') ??
    process.env.DATABASE_DIRECT_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/liaison'
  );
}
