/** A Nest context with the projection queries over a given pool and schema, as an app has it. */
import { Module } from '@nestjs/common';
import { CqrsModule, QueryBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { ProjectionsQueriesModule } from '../queries/projections-queries.module';
import { FreshnessOptions } from '../read-your-writes/projection-freshness';

@Module({})
class TestPoolModule {}

export async function startQueryContext(
  pool: Pool,
  options: { schema?: string; freshness?: Partial<FreshnessOptions> } = {},
): Promise<{ queryBus: QueryBus; close: () => Promise<void> }> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      {
        module: TestPoolModule,
        global: true,
        providers: [{ provide: PG_POOL, useValue: pool }],
        exports: [PG_POOL],
      },
      CqrsModule.forRoot(),
      ProjectionsQueriesModule.forRoot({
        ...(options.schema && { schema: options.schema }),
        ...(options.freshness && {
          freshness: { timeoutMs: 2000, pollMs: 10, ...options.freshness },
        }),
      }),
    ],
  }).compile();
  await moduleRef.init();
  return { queryBus: moduleRef.get(QueryBus), close: () => moduleRef.close() };
}
