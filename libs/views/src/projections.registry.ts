import { followUpBoardProjection } from './board/follow-up-board.projection';
import { Projection } from './projection';
import { searchProjection } from './search/search.projection';
import { workshopsProjection } from './workshops/workshops.projection';

/** Every read-model projection, by the name the CLI and the subscriptions use. */
export const PROJECTIONS: readonly Projection[] = [
  followUpBoardProjection,
  workshopsProjection,
  searchProjection,
];

export function projectionNamed(name: string): Projection {
  const found = PROJECTIONS.find((p) => p.name === name);
  if (!found) {
    const known = PROJECTIONS.map((p) => p.name).join(', ');
    throw new Error(`Unknown projection "${name}" (known: ${known})`);
  }
  return found;
}
