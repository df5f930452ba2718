import { PUBLIC, UNDETERMINED } from '../classification';
import { workshopClassificationForReading } from './readable-classification';

const TOMBSTONE = { $disposed: { record: 'r', disposal: 'd' } };
const isDisposed = (data: unknown) =>
  typeof data === 'object' && data !== null && '$disposed' in data;
const held = (classification?: unknown) => ({
  type: 'WorkshopHeld',
  data: {
    workshopId: 'w',
    title: 'AI security',
    heldOn: '2026-11-18',
    hostAgency: 'MSIT',
    counterparts: [],
    attendingAgencies: ['KISA', 'NIS'],
    topics: [],
    ...(classification !== undefined && { classification }),
  },
});
const changed = (classification: unknown) => ({
  type: 'WorkshopClassificationChanged',
  data: { workshopId: 'w', classification, previous: { level: 'public' } },
});
const RESTRICTED = { level: 'restricted', agencies: ['KISA'] };
const read = (...events: { type: string; data: unknown }[]) =>
  workshopClassificationForReading(events, isDisposed);

describe('a workshop’s classification for its readers (fails closed)', () => {
  it('is public when the workshop names none, its own otherwise, as last changed', () => {
    expect(read(held())).toEqual(PUBLIC);
    expect(read(held(RESTRICTED))).toEqual(RESTRICTED);
    expect(read(held(), changed({ level: 'confidential', people: ['p-1'] }))).toEqual({
      level: 'confidential',
      people: ['p-1'],
    });
  });

  it('is UNDETERMINED when the log does not say: no workshop, a disposed event, a shape it cannot read', () => {
    expect(read()).toEqual(UNDETERMINED);
    expect(read({ type: 'WorkshopHeld', data: TOMBSTONE })).toEqual(UNDETERMINED);
    expect(
      read(held(RESTRICTED), { type: 'WorkshopClassificationChanged', data: TOMBSTONE }),
    ).toEqual(UNDETERMINED);
    expect(read(held({ level: 'secret' }))).toEqual(UNDETERMINED);
  });
});
