import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { ProjectionFreshness } from '../read-your-writes/projection-freshness';
import { AgencyInboxHandler } from './agency-inbox/agency-inbox.handler';
import { AgencyWorkloadHandler } from './agency-workload/agency-workload.handler';
import { BoardReader } from './board.reader';
import { GetFollowUpViewHandler } from './get-follow-up-view/get-follow-up-view.handler';
import { ListFollowUpsHandler } from './list-follow-ups/list-follow-ups.handler';
import { OverdueListHandler } from './overdue-list/overdue-list.handler';
import {
  PROJECTION_QUERY_OPTIONS,
  ProjectionQueryOptions,
  queryOptions,
} from './projection-query.options';
import { ListWorkshopProgressHandler } from './workshop-progress/list-workshop-progress.handler';
import { WorkshopProgressHandler } from './workshop-progress/workshop-progress.handler';
import { WorkshopReader } from './workshop-progress/workshop.reader';

export const PROJECTION_QUERY_HANDLERS = [
  ListFollowUpsHandler,
  GetFollowUpViewHandler,
  AgencyInboxHandler,
  AgencyWorkloadHandler,
  OverdueListHandler,
  WorkshopProgressHandler,
  ListWorkshopProgressHandler,
];

/**
 * The read side of the follow-up domain, for the QueryBus. Needs PG_POOL in the application
 * (PlatformModule provides it globally). Import it as is, or through `forRoot` to change the
 * table schema or the read-your-writes wait.
 */
@Module({
  imports: [CqrsModule],
  providers: [
    // readers
    BoardReader,
    WorkshopReader,
    {
      provide: ProjectionFreshness,
      inject: [PG_POOL, { token: PROJECTION_QUERY_OPTIONS, optional: true }],
      useFactory: (pool: Pool, options?: Partial<ProjectionQueryOptions>) =>
        new ProjectionFreshness(pool, queryOptions(options).freshness),
    },
    // query handlers
    ...PROJECTION_QUERY_HANDLERS,
  ],
  exports: [BoardReader, WorkshopReader, ProjectionFreshness],
})
export class ProjectionsQueriesModule {
  static forRoot(options: Partial<ProjectionQueryOptions> = {}): DynamicModule {
    return {
      module: ProjectionsQueriesModule,
      providers: [{ provide: PROJECTION_QUERY_OPTIONS, useValue: queryOptions(options) }],
    };
  }
}
