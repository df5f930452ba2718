import { Query } from '@nestjs/cqrs';
import { AgencyInfo } from '../../domain';

/** The directory: agencies and outside counterparts. Anyone signed in may read it. */
export class ListAgenciesQuery extends Query<AgencyInfo[]> {}
