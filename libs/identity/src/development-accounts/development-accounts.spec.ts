import { LiaisonConfig } from '@liaison/platform';
import { IdentityConfig } from '../config/identity-config';
import { DevelopmentAccounts, developmentAccounts } from './development-accounts';

describe('development accounts', () => {
  it('are <code>.head and <code>.officer per agency, lower-case, then auditor and admin', () => {
    const accounts = developmentAccounts(['KISA', 'MSIT']);
    expect(accounts.map((a) => [a.login, a.agency, a.roles])).toEqual([
      ['kisa.head', 'KISA', ['bureau_head']],
      ['kisa.officer', 'KISA', ['agency_officer']],
      ['msit.head', 'MSIT', ['bureau_head']],
      ['msit.officer', 'MSIT', ['agency_officer']],
      ['auditor', 'MSIT', ['auditor']],
      ['admin', 'MSIT', ['admin']],
    ]);
  });

  it('are never made in production, whoever asks', async () => {
    const query = jest.fn();
    const seeder = new DevelopmentAccounts(
      { query } as never,
      { nodeEnv: 'production' } as LiaisonConfig,
      { developmentAccounts: false } as IdentityConfig,
      {} as never,
      {} as never,
      {} as never,
    );
    await expect(seeder.seed('liaison-demo')).rejects.toThrow(
      'Development accounts are never made in production',
    );
    await seeder.onApplicationBootstrap();
    expect(query).not.toHaveBeenCalled();
  });
});
