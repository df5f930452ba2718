/**
 * The APIs and workers under test, run from the build as `npm run start:api|start:worker` would.
 * A process that exits without the drill asking is an unexpected death: it is recorded (an
 * invariant counts them) and restarted after a pause, as an orchestrator would, so that one
 * defect does not hide the others.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, WriteStream } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ENTRY = {
  api: join(ROOT, 'apps/api/src/main.js'),
  worker: join(ROOT, 'apps/worker/src/main.js'),
};
const RESTART_AFTER_MS = 1_000;
const READY_TIMEOUT_MS = 60_000;

export type AppKind = keyof typeof ENTRY;

export interface Death {
  app: string;
  at: number;
  code: number | null;
  signal: string | null;
  /** The last lines the process wrote: usually the reason. */
  tail: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function assertBuilt(): void {
  for (const entry of Object.values(ENTRY)) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  }
}

export class AppProcess {
  private child?: ChildProcess;
  private expectingExit = false;
  private tail = '';
  private readonly log: WriteStream;
  private stopped = false;

  constructor(
    readonly name: string,
    readonly kind: AppKind,
    private readonly env: NodeJS.ProcessEnv,
    logDir: string,
    private readonly deaths: Death[],
    /** The API's port, or the worker's health port (WORKER_HEALTH_PORT, where it has one). */
    readonly port?: number,
  ) {
    this.log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and waits until it serves /health or says it started (worker). */
  async start(): Promise<void> {
    this.expectingExit = false;
    const child = spawn(process.execPath, [ENTRY[this.kind]], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.tail = '';
    let started = false;
    const onOutput = (chunk: Buffer) => {
      this.log.write(chunk);
      this.tail = (this.tail + chunk.toString()).slice(-4_000);
      if (this.tail.includes('worker started')) started = true;
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', onOutput);
    child.once('exit', (code, signal) => this.exited(child, code, signal));
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${this.name} exited while starting:\n${this.tail}`);
      }
      if (started || (await this.serving())) return;
      await sleep(200);
    }
    throw new Error(`${this.name} did not become ready within ${READY_TIMEOUT_MS / 1000}s`);
  }

  /**
   * Any answer from /health means the process serves: a 503 only says that something it
   * depends on is behind (no worker has beaten yet while the APIs start first).
   */
  private async serving(): Promise<boolean> {
    if (this.port === undefined) return false;
    try {
      const res = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      return true;
    } catch {
      return false;
    }
  }

  /** SIGKILL: no draining, as a crash or an OOM kill. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** For the end of the drill: SIGTERM, then SIGKILL after a grace period. */
  async stop(): Promise<void> {
    this.stopped = true;
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 10_000);
    await this.signal('SIGTERM');
    clearTimeout(timer);
    this.log.end();
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.expectingExit = true;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  private exited(child: ChildProcess, code: number | null, signal: string | null): void {
    if (child !== this.child || this.expectingExit || this.stopped) return;
    this.deaths.push({ app: this.name, at: Date.now(), code, signal, tail: this.tail });
    this.log.write(`\n[drill] ${this.name} died (code ${code}, signal ${signal}); restarting\n`);
    void sleep(RESTART_AFTER_MS).then(async () => {
      if (this.stopped || child !== this.child) return;
      await this.start().catch((err) => {
        this.log.write(`[drill] restart of ${this.name} failed: ${String(err)}\n`);
      });
    });
  }
}
