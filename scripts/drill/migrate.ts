/** `npm run migrate` from the build, against the drill's database, before any app starts (the
 * apps would also migrate at boot, under a lock, but four racing boots prove nothing here). */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const MIGRATE = join(__dirname, '..', '..', 'libs/platform/src/database/migrate.js');

export function runMigrations(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [MIGRATE], { env, timeout: 120_000 }, (err, _out, stderr) =>
      err ? reject(new Error(`migration failed: ${stderr.trim() || err.message}`)) : resolve(),
    );
  });
}
