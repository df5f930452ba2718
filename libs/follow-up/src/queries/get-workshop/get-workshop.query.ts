import { Query } from '@nestjs/cqrs';
import { Actor, WorkshopState } from '../../domain';

export interface WorkshopView {
  id: string;
  version: number;
  state: WorkshopState;
}

export class GetWorkshopQuery extends Query<WorkshopView> {
  constructor(
    readonly workshopId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
