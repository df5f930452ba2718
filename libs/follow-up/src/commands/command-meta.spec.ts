import { eventMetadata } from './command-meta';

describe('eventMetadata', () => {
  const base = { correlationId: 'c-1', causationId: 'r-1' };

  it('keeps the wave-1 keys exactly when nobody acts for anyone (old hashes unchanged)', () => {
    const meta = eventMetadata({
      ...base,
      actor: { id: 'u-1', role: 'agency_officer', agency: 'KISA' },
    });
    expect(meta).toEqual({
      actor: 'u-1',
      role: 'agency_officer',
      agency: 'KISA',
      correlation_id: 'c-1',
      causation_id: 'r-1',
    });
    // Absent, not undefined or null: canonical JSON of the metadata is byte for byte as before.
    expect(Object.keys(meta)).not.toContain('on_behalf_of');
  });

  it('records the person acted for under a delegation (대결), the actor staying who acted', () => {
    const meta = eventMetadata({
      ...base,
      actor: {
        id: 'u-acting',
        role: 'agency_officer',
        agency: 'KISA',
        onBehalfOf: { id: 'u-absent', name: '김담당' },
      },
    });
    expect(meta).toMatchObject({ actor: 'u-acting', on_behalf_of: 'u-absent', agency: 'KISA' });
  });
});
