import { loadCounterpartsConfig } from './counterparts.config';

describe('counterparts configuration', () => {
  it('requires COUNTERPART_LINK_SECRET in production, naming it', () => {
    expect(() => loadCounterpartsConfig({})).toThrow(/COUNTERPART_LINK_SECRET is required/);
    expect(() =>
      loadCounterpartsConfig({ NODE_ENV: 'production', COUNTERPART_LINK_SECRET: 'short' }),
    ).toThrow(/COUNTERPART_LINK_SECRET must be at least 32/);
    const ok = loadCounterpartsConfig({
      COUNTERPART_LINK_SECRET: 'p'.repeat(40),
      APP_URL: 'https://liaison.example/',
    });
    expect(ok.publicBaseUrl).toBe('https://liaison.example');
  });

  it('has a development secret under NODE_ENV=test, and checks the other variables', () => {
    expect(loadCounterpartsConfig({ NODE_ENV: 'test' }).linkTtlMs).toBe(14 * 86_400_000);
    expect(() =>
      loadCounterpartsConfig({ NODE_ENV: 'test', COUNTERPART_LINK_TTL_DAYS: '0' }),
    ).toThrow(/COUNTERPART_LINK_TTL_DAYS/);
    expect(() => loadCounterpartsConfig({ NODE_ENV: 'test', APP_URL: 'nope' })).toThrow(/APP_URL/);
  });
});
