import { Module } from '@nestjs/common';
import { ProjectionsQueriesModule, SearchReader } from '@liaison/views';
import { SearchController } from './search.controller';

/** GET /v1/search over the search projection (libs/views/src/search). */
@Module({
  imports: [ProjectionsQueriesModule],
  providers: [SearchReader],
  controllers: [SearchController],
})
export class SearchApiModule {}
