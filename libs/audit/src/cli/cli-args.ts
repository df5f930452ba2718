/** Plain process.argv parsing: positionals, `--name value` and `--name=value` options. */
export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  options: Map<string, string>;
}

/** Options that take no value. */
const FLAGS = new Set(['help', 'json']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (eq >= 0) options.set(name, arg.slice(eq + 1));
    else if (FLAGS.has(name)) options.set(name, 'true');
    else if (i + 1 < rest.length) options.set(name, rest[++i]);
    else throw new UsageError(`--${name} needs a value`);
  }
  return { command, positionals, options };
}

export class UsageError extends Error {}

export function intOption(args: ParsedArgs, name: string, fallback: number, min = 0): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be an integer ≥ ${min}`);
  return n;
}
