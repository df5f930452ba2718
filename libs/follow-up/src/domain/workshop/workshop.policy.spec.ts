import { Actor } from '../context';
import {
  admin,
  auditor,
  kisaOfficer,
  mofaHead,
  msitHead,
  msitOfficer,
  system,
} from '../testing/actors.fixture';
import { heldWorkshop } from '../testing/workshop.fixture';
import { canSeeWorkshop } from './workshop.policy';
import { initialWorkshopState } from './workshop.state';

describe('canSeeWorkshop', () => {
  it.each<[string, Actor, boolean]>([
    ["the host's bureau head", msitHead, true],
    ['an auditor', auditor, true],
    ["another agency's bureau head", mofaHead, false],
    ["the host's officer", msitOfficer, false],
    ['an attending agency officer', kisaOfficer, false],
    ['an admin', admin, false],
    ['the system', system, false],
  ])('%s: %s', (_who, actor, visible) => {
    expect(canSeeWorkshop(actor, heldWorkshop())).toBe(visible);
  });

  it('shows nobody a workshop that does not exist', () => {
    expect(canSeeWorkshop(auditor, initialWorkshopState)).toBe(false);
  });
});
