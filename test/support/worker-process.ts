import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROUTING_WORKER = join(__dirname, '../fixtures/routing-worker.process.ts');
/** The whole worker app (projections, sealing, routing, its health), for the specs of it. */
export const WHOLE_WORKER = join(__dirname, '../fixtures/worker.process.ts');

/** A routing worker (or `entry`) in a child process, as `npm run start:worker` would run it. */
export class WorkerProcess {
  private child?: ChildProcess;
  private output = '';
  private exit?: { code: number | null; signal: NodeJS.Signals | null };

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly entry = ROUTING_WORKER,
  ) {}

  /** Resolves once the process says its workers and relay run. */
  async start(timeoutMs = 20_000): Promise<void> {
    // WORKER_NODE_ARGS, e.g. "--cpu-prof", to profile the workers of a spec or the bench.
    const nodeArgs = (process.env.WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', this.entry], {
      env: this.env,
      cwd: join(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    this.exit = undefined;
    child.once('exit', (code, signal) => (this.exit = { code, signal }));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`worker not ready:\n${this.output}`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes('ready\n')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited with ${code}:\n${this.output}`));
      });
    });
  }

  get outputText(): string {
    return this.output;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** How it ended, once it has (unasked: a crash, or giving up). */
  get exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
    return this.exit;
  }

  /** SIGKILL: no draining, no cleanup — as a crash or an OOM kill. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: the worker drains and exits; after `graceMs`, if given, SIGKILL. */
  async stop(graceMs?: number): Promise<number | null> {
    return this.signal('SIGTERM', graceMs);
  }

  private async signal(signal: NodeJS.Signals, graceMs?: number): Promise<number | null> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null)
      return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill(signal);
    const timer =
      graceMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), graceMs);
    return exited.finally(() => clearTimeout(timer));
  }
}
