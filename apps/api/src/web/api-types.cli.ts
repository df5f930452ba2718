/**
 * The web client's types, generated from the API's OpenAPI document so the two cannot drift.
 *   node -r @swc-node/register apps/api/src/web/api-types.cli.ts          writes src/api/schema.d.ts
 *   node -r @swc-node/register apps/api/src/web/api-types.cli.ts --check  fails when it is stale
 * The document comes from the Nest app in preview mode: modules and routes are read, no provider
 * is instantiated, so no database or Redis is needed.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { AppModule } from '../app.module';
import { createOpenApiDocument, useRoutePrefix } from '../app.factory';

const TARGET = resolve(__dirname, '../../../web/src/api/schema.d.ts');
const HEADER =
  "// Generated from the API's OpenAPI document by apps/api/src/web/api-types.cli.ts: do not edit.\n// npm run gen:api-types after changing a route; npm run check:api-types fails while stale.\n\n";

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  useRoutePrefix(app);
  const document = createOpenApiDocument(app);
  await app.close();
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)));
  // Formatted as the repository's files are, so `prettier --check .` holds for it too.
  const generated = await format(HEADER + astToString(ast), {
    ...(await resolveConfig(TARGET)),
    filepath: TARGET,
  });
  if (process.argv.includes('--check')) {
    const current = readFileSync(TARGET, 'utf8');
    if (current !== generated) {
      console.error(`${TARGET} is stale: run npm run gen:api-types`);
      process.exit(1);
    }
    console.log('API types are current');
    return;
  }
  writeFileSync(TARGET, generated);
  console.log(`wrote ${TARGET}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
