#!/usr/bin/env node
// The one definition of how Liaison's image is built and started. The Dockerfile runs it, and so
// does CI outside Docker (test/ops/image.e2e-spec.ts), so the two cannot drift apart.
//
//   node scripts/image/image.mjs build <appDir> [--no-compile]  npm run build, then lay out <appDir>
//   node scripts/image/image.mjs install <appDir> [--link] runtime dependencies only (npm ci --omit=dev);
//                                                        --link: use this checkout's node_modules (CI)
//   node scripts/image/image.mjs start api|worker|migrate  run one process from the app directory
//   node scripts/image/image.mjs healthcheck              exit 0 when this container's process is live
//
// The app directory holds exactly what the runtime needs: package.json and package-lock.json
// (for npm ci), dist/ (the compiled apps and libs, and dist/web: the web app, which
// `npm run build` builds once apps/web joins it), and this script.
/* global fetch, AbortSignal */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The checkout when building; the app directory when started (the script sits in both). */
const root = resolve(here, '../..');

/** Entry points, relative to the app directory. */
const ENTRY_POINTS = {
  api: 'dist/apps/api/src/main.js',
  worker: 'dist/apps/worker/src/main.js',
  migrate: 'dist/libs/platform/src/database/migrate.js',
};

/** Parts of dist the runtime never loads: the specs' and the benchmarks' output. */
const NOT_SHIPPED = new Set(['test', 'bench']);

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

function build(appDir, compile) {
  // `npm run build` is the build, everywhere: the image adds nothing to it and skips nothing.
  // --no-compile lays out a dist this checkout's `npm run build` made already (CI builds first).
  if (compile) run('npm', ['run', 'build'], root);
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(join(appDir, 'scripts/image'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) {
    cpSync(join(root, file), join(appDir, file));
  }
  cpSync(join(root, 'scripts/image/image.mjs'), join(appDir, 'scripts/image/image.mjs'));
  cpSync(join(root, 'dist'), join(appDir, 'dist'), {
    recursive: true,
    filter: (src) => {
      const rel = src.slice(join(root, 'dist').length + 1);
      return !NOT_SHIPPED.has(rel.split('/')[0]) && !rel.endsWith('.map');
    },
  });
  for (const entry of Object.values(ENTRY_POINTS)) {
    if (!existsSync(join(appDir, entry))) throw new Error(`the build made no ${entry}`);
  }
  console.error(`[image] app laid out in ${appDir}`);
}

function install(appDir, link) {
  if (link) {
    // CI outside Docker installed everything with `npm ci` already; the dependency spec
    // (test/ops) holds that the runtime needs nothing from devDependencies.
    rmSync(join(appDir, 'node_modules'), { recursive: true, force: true });
    symlinkSync(join(root, 'node_modules'), join(appDir, 'node_modules'), 'dir');
    return;
  }
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], appDir);
  run('npm', ['cache', 'clean', '--force'], appDir);
}

function start(role) {
  const entry = ENTRY_POINTS[role];
  if (!entry)
    throw new Error(`start takes ${Object.keys(ENTRY_POINTS).join(', ')} (got "${role}")`);
  const child = spawn(process.execPath, [join(root, entry)], { cwd: root, stdio: 'inherit' });
  // Passed on so that SIGTERM drains the worker and closes the API as it would unwrapped.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}

/** The API answers on PORT, a worker on WORKER_HEALTH_PORT; a container runs one of them. */
async function healthcheck() {
  const ports = [process.env.PORT ?? '3000', process.env.WORKER_HEALTH_PORT ?? '3001'];
  for (const port of ports) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/live`, {
        signal: AbortSignal.timeout(3000),
      });
      if (res.ok) return 0;
    } catch {
      // not this one
    }
  }
  return 1;
}

async function main([command, arg, ...rest]) {
  switch (command) {
    case 'build':
      if (!arg) throw new Error('build needs the app directory');
      return build(resolve(arg), !rest.includes('--no-compile'));
    case 'install':
      if (!arg) throw new Error('install needs the app directory');
      return install(resolve(arg), rest.includes('--link'));
    case 'start':
      return start(arg);
    case 'healthcheck':
      return process.exit(await healthcheck());
    default:
      throw new Error(
        'usage: image.mjs build <dir> [--no-compile] | install <dir> [--link] | start <role> | healthcheck',
      );
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(`[image] ${err.message}`);
  process.exit(2);
});
