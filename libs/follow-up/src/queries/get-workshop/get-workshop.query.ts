import { Query } from '@nestjs/cqrs';
import { Actor, WorkshopState } from '../../domain';

export interface WorkshopStateView {
  id: string;
  version: number;
  state: WorkshopState;
}

export class GetWorkshopQuery extends Query<WorkshopStateView> {
  constructor(
    readonly workshopId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
