/**
 * The baseline for bench:api: a bare Fastify route doing one plain `pg` INSERT per request,
 * with no auth, validation, domain or event store. Prints its port on stdout when listening.
 */
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_api_baseline (id uuid PRIMARY KEY, data jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())',
  );
  const app = Fastify();
  app.post('/insert', async (request) => {
    await pool.query('INSERT INTO bench_api_baseline (id, data) VALUES ($1, $2)', [
      randomUUID(),
      JSON.stringify(request.body),
    ]);
    return { ok: true };
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${new URL(address).port}\n`);
}

void main();
