import { foldEvents } from '../decider';
import { actionAgreed, infoRequested, workshopHeld } from '../testing/workshop.fixture';
import { workshopDecider } from './workshop.decider';
import { initialWorkshopState } from './workshop.state';

const fold = (...events: Parameters<typeof workshopDecider.evolve>[1][]) =>
  foldEvents(workshopDecider, events);

describe('evolveWorkshop', () => {
  it('starts as a workshop that does not exist', () => {
    expect(fold()).toBe(initialWorkshopState);
    expect(initialWorkshopState.exists).toBe(false);
  });

  it('WorkshopHeld: the workshop exists with what was recorded and nothing agreed yet', () => {
    expect(fold(workshopHeld({ summary: 'Good talk' }))).toEqual({
      exists: true,
      workshopId: 'w-1',
      title: 'AI security with OpenAI',
      heldOn: '2025-03-04',
      hostAgency: 'MSIT',
      counterparts: ['OPENAI'],
      attendingAgencies: ['KISA', 'AISI'],
      topics: ['model evaluations'],
      summary: 'Good talk',
      actions: {},
      requests: {},
    });
  });

  it('ActionAgreed: the action is kept by its id', () => {
    expect(fold(workshopHeld(), actionAgreed()).actions).toEqual({
      'a-1': {
        description: 'Draft a red-teaming protocol',
        ownerAgency: 'KISA',
        supportingAgencies: ['AISI'],
        dueDate: '2025-04-01',
      },
    });
  });

  it('InfoRequested: the request is kept by its id', () => {
    expect(fold(workshopHeld(), infoRequested()).requests).toEqual({
      'r-1': {
        subject: 'Incident reporting channels',
        requestedBy: 'MSIT',
        requestedFrom: 'OPENAI',
      },
    });
  });

  it('adds to earlier actions and requests without touching them', () => {
    const before = fold(workshopHeld(), actionAgreed(), infoRequested());
    const after = workshopDecider.evolve(before, actionAgreed({ actionId: 'a-2' }));
    expect(Object.keys(after.actions)).toEqual(['a-1', 'a-2']);
    expect(Object.keys(before.actions)).toEqual(['a-1']);
    expect(after.requests).toBe(before.requests);
  });
});
