import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import {
  AuthGuard,
  createValidationPipe,
  ErrorResponseFilter,
  incomingId,
  LiaisonLogger,
  loadEdgeConfig,
  REQUEST_ID_HEADER,
  useLimitedJsonParser,
  useRequestLog,
} from '@liaison/platform';
import { AppModule } from './app.module';
import { useOpsAccess } from './edge/ops-access.hook';
import { startOpsServer } from './edge/ops-server';
import { useAddressRateLimit } from './edge/rate-limit/address-rate-limit.hook';
import { RATE_LIMITER } from './edge/rate-limit/rate-limiter.provider';
import { useSecurityHeaders } from './edge/security-headers';
import { useWebApp } from './web/web-app';
import { useFileUploads } from './follow-ups/files/file-uploads';

/** Request bodies above this are refused with 413 before they reach a handler. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Builds the API (routes, validation, errors, docs) without listening: main and tests share it. */
export async function createApiApp(): Promise<NestFastifyApplication> {
  const edge = loadEdgeConfig();
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: edge.trustProxy,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      incomingId(req.headers[REQUEST_ID_HEADER]),
    // No Nest middleware (request logging is a Fastify hook): without @fastify/middie no request
    // walks an empty middleware chain. A middleware added later fails the boot, not silently.
    skipMiddie: true,
  });
  const fastify = adapter.getInstance();
  // Before anything else sees a request, in this order: headers on every answer (429s too),
  // the per-address allowance, then who may read the docs and metrics.
  useSecurityHeaders(fastify);
  useFileUploads(fastify);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
  });
  useLimitedJsonParser(app, {
    bodyLimit: BODY_LIMIT_BYTES,
    maxDepth: edge.jsonMaxDepth,
    maxKeys: edge.jsonMaxKeys,
  });
  useAddressRateLimit(fastify, app.get(RATE_LIMITER), edge);
  const guard = app.get(AuthGuard);
  useOpsAccess(fastify, {
    identify: (req) => guard.identify(req),
    onOpsPort: edge.opsPort !== 0,
  });
  const logger = app.get(LiaisonLogger);
  app.useLogger(logger);
  useRequestLog(fastify, logger.pino);
  useRoutePrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorResponseFilter());
  app.enableShutdownHooks();

  const document = createOpenApiDocument(app);
  if (edge.opsPort === 0) {
    SwaggerModule.setup('docs', app, document);
  } else {
    const ops = await startOpsServer(edge.opsPort, app.get(Registry), document);
    fastify.addHook('onClose', (_instance, done) => ops.close(() => done()));
  }
  useWebApp(fastify);
  return app;
}

/** `/v1` for every route but the probes and metrics (the web app's types are generated with it). */
export function useRoutePrefix(app: NestFastifyApplication): void {
  app.setGlobalPrefix('v1', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}

/** The OpenAPI document: served at /docs, and the source of the web app's client types. */
export function createOpenApiDocument(app: NestFastifyApplication) {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Liaison API')
      .setDescription('Cross-agency follow-up work: workshops, follow-ups, status and audit')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
