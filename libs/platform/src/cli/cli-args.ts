/** Plain process.argv parsing for the libs' command lines (audit, directory, records):
 * positionals, `--name value` and `--name=value` options, and how a command line ends. */
export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  options: Map<string, string>;
}

/** `flags`: the options that take no value (they read as 'true'). */
export function parseArgs(
  argv: readonly string[],
  flags: ReadonlySet<string> = new Set(),
): ParsedArgs {
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
    else if (flags.has(name)) options.set(name, 'true');
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

/** Runs a command line's main: its answer is the exit code; a UsageError prints the message and
 * the usage, any other error `<name>: message`; both exit 2. */
export function runCli(
  name: string,
  usage: string,
  main: (argv: string[]) => Promise<number>,
): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof UsageError) process.stderr.write(`${err.message}\n\n${usage}\n`);
      else process.stderr.write(`${name}: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
