import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Pool } from 'pg';
import {
  derivedUuid,
  DirectoryCommands,
  PeopleReader,
  PersonRole,
  systemMeta,
} from '@liaison/directory';
import { LIAISON_CONFIG, LiaisonConfig, PG_POOL } from '@liaison/platform';
import { IDENTITY_CONFIG, IdentityConfig } from '../config/identity-config';
import { PasswordService } from '../passwords/password.service';

export interface DevelopmentAccount {
  login: string;
  agency: string;
  roles: PersonRole[];
  displayName: { ko: string; en: string };
}

/** The people an agency code gives: `<code>.head` and `<code>.officer`, lower-case. */
export function developmentAccounts(agencies: string[]): DevelopmentAccount[] {
  const home = agencies.includes('MSIT') ? 'MSIT' : agencies[0];
  return [
    ...agencies.flatMap((code): DevelopmentAccount[] => [
      {
        login: `${code.toLowerCase()}.head`,
        agency: code,
        roles: ['bureau_head'],
        displayName: { ko: `${code} 국장`, en: `${code} Bureau Head` },
      },
      {
        login: `${code.toLowerCase()}.officer`,
        agency: code,
        roles: ['agency_officer'],
        displayName: { ko: `${code} 담당자`, en: `${code} Officer` },
      },
    ]),
    {
      login: 'auditor',
      agency: home,
      roles: ['auditor'],
      displayName: { ko: '감사관', en: 'Auditor' },
    },
    {
      login: 'admin',
      agency: home,
      roles: ['admin'],
      displayName: { ko: '관리자', en: 'Administrator' },
    },
  ];
}

/**
 * The development accounts: with NODE_ENV=development (and DEV_ACCOUNTS not false) they are made
 * at boot, and specs call `seed` themselves. Never in production: `seed` refuses there whoever
 * calls it. Ids derive from the login, so two processes seeding at once make the same people,
 * and a password once changed is never set back.
 */
@Injectable()
export class DevelopmentAccounts implements OnApplicationBootstrap {
  private readonly logger = new Logger('DevelopmentAccounts');

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
    @Inject(IDENTITY_CONFIG) private readonly identity: IdentityConfig,
    private readonly directory: DirectoryCommands,
    private readonly people: PeopleReader,
    private readonly passwords: PasswordService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.identity.developmentAccounts) return;
    const made = await this.seed(this.identity.demoPassword);
    this.logger.warn({
      msg: 'development accounts ready: <code>.head, <code>.officer, auditor, admin (DEMO_PASSWORD)',
      registered: made.length,
    });
  }

  /** Registers the accounts that are missing and gives them `password`; returns the new logins. */
  async seed(password: string): Promise<string[]> {
    if (this.config.nodeEnv === 'production') {
      throw new Error('Development accounts are never made in production');
    }
    const { rows } = await this.pool.query<{ code: string }>(
      `SELECT code FROM agencies WHERE active AND kind = 'agency' ORDER BY code`,
    );
    const made: string[] = [];
    for (const account of developmentAccounts(rows.map((r) => r.code))) {
      let person = await this.people.byLogin(account.login);
      if (!person) {
        const personId = derivedUuid('liaison-development-accounts', account.login);
        try {
          await this.directory.registerPerson(
            {
              ...account,
              email: `${account.login}@liaison.invalid`,
              personId,
            },
            systemMeta('development-accounts'),
          );
          made.push(account.login);
        } catch (err) {
          // Another process registered them first: theirs is as good as ours.
          if (!(await this.people.byLogin(account.login))) throw err;
        }
        person = await this.people.byLogin(account.login);
      }
      if (person) await this.passwords.setInitial(person.id, password);
    }
    return made;
  }
}
