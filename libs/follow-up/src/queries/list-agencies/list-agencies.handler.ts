import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AgencyDirectory } from '../../agencies/agency-directory';
import { AgencyInfo } from '../../domain';
import { ListAgenciesQuery } from './list-agencies.query';

@QueryHandler(ListAgenciesQuery)
export class ListAgenciesHandler implements IQueryHandler<ListAgenciesQuery> {
  constructor(private readonly directory: AgencyDirectory) {}

  execute(): Promise<AgencyInfo[]> {
    return this.directory.list();
  }
}
