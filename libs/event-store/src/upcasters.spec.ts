import { UpcasterRegistry } from './upcasters';

const renamed = (schemaVersion: number, data: Record<string, unknown>) => ({
  type: 'PersonRenamed',
  schemaVersion,
  data,
  hash: 'ab',
});

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry().register(
    { type: 'PersonRenamed', fromVersion: 1, upcast: (d) => ({ fullName: d.name }) },
    {
      type: 'PersonRenamed',
      fromVersion: 2,
      upcast: (d) => ({ first: String(d.fullName).split(' ')[0] }),
    },
  );

  it('upcasts an event through the chain to the latest version, keeping its other fields', () => {
    const event = renamed(1, { name: 'Ada Lovelace' });
    const upcast = registry.upcast(event);
    expect(upcast).toEqual(renamed(3, { first: 'Ada' }));
    expect(Object.keys(upcast)).toEqual(Object.keys(event));
    expect(event).toEqual(renamed(1, { name: 'Ada Lovelace' })); // the stored event untouched
  });

  it('returns the event itself when no upcaster applies', () => {
    const latest = renamed(3, { first: 'Ada' });
    expect(registry.upcast(latest)).toBe(latest);
    const other = { ...latest, type: 'PersonMoved' };
    expect(registry.upcast(other)).toBe(other);
    expect(new UpcasterRegistry().upcast(other)).toBe(other);
  });

  it('refuses two upcasters for one type and version', () => {
    expect(() =>
      registry.register({ type: 'PersonRenamed', fromVersion: 1, upcast: (d) => d }),
    ).toThrow('Two upcasters for PersonRenamed@1');
  });
});
