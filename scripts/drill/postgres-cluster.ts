/**
 * A Postgres cluster of the drill's own, on a free loopback port, in a temp directory: the drill
 * stops, kills and freezes it, which it must never do to a server other people use.
 */
import { execFile } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../demo/processes';

const run = promisify(execFile);

/** The newest installed server's binaries (Debian and Ubuntu keep them per major version). */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(`no Postgres server found under ${root}/*/bin (install postgresql)`);
  }
  return join(root, versions[0], 'bin');
}

/** Postgres refuses to run as root; as root the drill runs it as the `postgres` OS user. */
function osUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root, but there is no postgres OS user to run Postgres');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export class PostgresCluster {
  private readonly bin = postgresBin();
  private readonly owner = osUser();
  readonly dataDir: string;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {
    this.dataDir = join(dir, 'data');
  }

  static async create(dir: string): Promise<PostgresCluster> {
    const cluster = new PostgresCluster(dir, await freePort());
    await cluster.init();
    return cluster;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/liaison`;
  }

  private command(tool: string, args: string[]): Promise<{ stdout: string }> {
    const path = join(this.bin, tool);
    return this.owner
      ? run('runuser', ['-u', 'postgres', '--', path, ...args], { timeout: 60_000 })
      : run(path, args, { timeout: 60_000 });
  }

  private async init(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    if (this.owner) chownSync(this.dir, this.owner.uid, this.owner.gid);
    await this.command('initdb', [
      '-D',
      this.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync', // a throwaway cluster: no need to wait for the disk
    ]);
    // fsync and full-page writes off only matter if the machine crashes; a killed or stopped
    // server still recovers from its WAL, which is what the drill tests.
    const settings = [
      `port = ${this.port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${this.dir}'`,
      'max_connections = 200',
      'shared_buffers = 64MB',
      'fsync = off',
      'full_page_writes = off',
      `log_min_messages = warning`,
    ];
    const conf = join(this.dataDir, 'postgresql.conf');
    writeFileSync(conf, `${readFileSync(conf, 'utf8')}\n${settings.join('\n')}\n`);
  }

  async start(): Promise<void> {
    await this.command('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'postgres.log'),
      '-w',
      'start',
    ]);
  }

  async createDatabase(): Promise<void> {
    const client = new Client({ connectionString: this.url.replace(/\/liaison$/, '/postgres') });
    await client.connect();
    try {
      await client.query('CREATE DATABASE liaison');
    } finally {
      await client.end();
    }
  }

  /** As a power cut to the server: no checkpoint, connections dropped, recovery at start. */
  async stopImmediate(): Promise<void> {
    await this.command('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  async stop(): Promise<void> {
    await this.command('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']).catch(() => {});
  }

  /**
   * SIGSTOP (or SIGCONT) to the postmaster and every backend: the server keeps its sockets open
   * but answers nothing, as under a stalled disk or a VM pause. The postmaster first on stop, so
   * that it forks nothing new; last on resume.
   */
  freeze(signal: 'SIGSTOP' | 'SIGCONT'): void {
    const postmaster = Number(
      readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const children = childrenOf(postmaster);
    const order = signal === 'SIGSTOP' ? [postmaster, ...children] : [...children, postmaster];
    for (const pid of order) {
      try {
        process.kill(pid, signal);
      } catch {
        // a backend that ended meanwhile
      }
    }
  }
}

/** Direct children of a process, from /proc (Linux). */
function childrenOf(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces, so read after its closing paren.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) pids.push(Number(entry));
    } catch {
      // exited while listing
    }
  }
  return pids;
}
