/**
 * The short form of `npm run drill`: every fault once, on a load of about half a minute, against
 * a Postgres and a Redis the drill starts for itself. It runs the build, as `npm run drill` does;
 * the build is made first if it is missing or older than the sources.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const DRILL = join(ROOT, 'dist/scripts/drill/drill.js');
const SOURCES = ['apps', 'libs', 'scripts'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function buildIfStale(): void {
  const built = existsSync(DRILL) ? statSync(DRILL).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((d) => newestSource(join(ROOT, d))));
  if (built >= sources) return;
  try {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
  } catch (err) {
    const out = (err as { stdout?: Buffer }).stdout?.toString() ?? '';
    throw new Error(`the drill runs the build, and \`npm run build\` failed:\n${out.slice(-2000)}`);
  }
}

function runDrill(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [DRILL],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DRILL_SECONDS: '30' },
        timeout: 360_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (_err, stdout, stderr) => resolve({ code: child.exitCode, output: stdout + stderr }),
    );
  });
}

describe('npm run drill (short form)', () => {
  beforeAll(buildIfStale, 300_000);

  it('recovers from every fault with every invariant holding', async () => {
    const { code, output } = await runDrill();
    const lines = output.trim().split('\n');
    const verdict = lines.reverse().find((l) => /^\d+ passed, \d+ failed$/.test(l));
    // The whole printout on failure: the fault table and the violations say what broke.
    if (code !== 0 || !verdict?.endsWith(' 0 failed') || verdict.startsWith('0 ')) {
      throw new Error(`drill exited ${code}:\n${output}`);
    }
  }, 420_000);
});
