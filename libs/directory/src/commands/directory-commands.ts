import { Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import {
  agencyDecider,
  AgencyKind,
  agencyStreamId,
  DelegateSnapshot,
  DirectoryStateError,
  DirectoryNotFoundError,
  DisplayName,
  PersonRole,
  personDecider,
  personStreamId,
} from '../domain';
import { PeopleReader } from '../reading/people-reader';
import { DirectoryCommandMeta, newDirectoryId } from './directory-command-meta';
import { DirectoryWriter, DirectoryWriteResult } from './directory-writer';

export interface RegisterPersonInput {
  login: string;
  displayName: DisplayName;
  email: string;
  agency: string;
  roles: PersonRole[];
  oidcSubject?: string;
  /** A chosen id (the dev seed's, an import's); new otherwise. */
  personId?: string;
}

export interface UpdatePersonInput {
  displayName?: DisplayName;
  email?: string;
  agency?: string;
  oidcSubject?: string | null;
}

export interface GrantDelegationInput {
  fromPerson: string;
  toPerson: string;
  startsAt: string;
  endsAt: string;
  reason?: string;
  delegationId?: string;
}

export interface RegisterAgencyInput {
  code: string;
  name: string;
  kind: AgencyKind;
  liaisonAgency?: string;
}

export interface UpdateAgencyInput {
  name?: string;
  active?: boolean;
  liaisonAgency?: string | null;
}

/**
 * The directory's commands, for the API, the operators' CLI, the dev seed and sign-in. Each is
 * decided by the agency or person decider and written by DirectoryWriter: the event and the
 * read tables in one transaction. Who may is the deciders' business (see domain/policy.ts).
 */
@Injectable()
export class DirectoryCommands {
  constructor(
    private readonly writer: DirectoryWriter,
    private readonly people: PeopleReader,
  ) {}

  async registerPerson(
    input: RegisterPersonInput,
    meta: DirectoryCommandMeta,
  ): Promise<{ personId: string } & DirectoryWriteResult> {
    const personId = input.personId ?? newDirectoryId(meta, 'person');
    const login = typeof input.login === 'string' ? input.login.trim().toLowerCase() : input.login;
    const command = async (tx: PoolClient) => {
      await lockAgency(tx, input.agency, 'FOR SHARE');
      return {
        kind: 'RegisterPerson' as const,
        personId,
        login,
        displayName: input.displayName,
        email: input.email,
        agency: input.agency,
        roles: input.roles,
        ...(input.oidcSubject !== undefined && { oidcSubject: input.oidcSubject }),
      };
    };
    const result = await this.writer.write(personDecider, personStreamId(personId), command, meta);
    return { personId, ...result };
  }

  updatePerson(personId: string, changes: UpdatePersonInput, meta: DirectoryCommandMeta) {
    const command = async (tx: PoolClient) => {
      if (changes.agency !== undefined) await lockAgency(tx, changes.agency, 'FOR SHARE');
      return { kind: 'UpdatePerson' as const, personId, ...changes };
    };
    return this.writer.write(personDecider, personStreamId(personId), command, meta);
  }

  grantRole(personId: string, role: PersonRole, meta: DirectoryCommandMeta) {
    return this.writer.write(
      personDecider,
      personStreamId(personId),
      { kind: 'GrantRole', personId, role },
      meta,
    );
  }

  revokeRole(personId: string, role: PersonRole, meta: DirectoryCommandMeta) {
    return this.writer.write(
      personDecider,
      personStreamId(personId),
      { kind: 'RevokeRole', personId, role },
      meta,
    );
  }

  deactivate(personId: string, reason: string, meta: DirectoryCommandMeta) {
    return this.writer.write(
      personDecider,
      personStreamId(personId),
      { kind: 'DeactivatePerson', personId, reason },
      meta,
    );
  }

  /**
   * Crypto-shredding (PIPA): deactivates the person if needed, appends PersonErased and, in the
   * same transaction, destroys their data key and the rows elsewhere that name them. Refused for
   * a person whose name or e-mail the log holds in clear (events written before personal fields
   * were sealed): no key could make those unreadable, and an erasure that left them would lie.
   */
  erasePerson(personId: string, reason: string, meta: DirectoryCommandMeta) {
    const command = async (tx: PoolClient) => {
      const { rows } = await tx.query(
        `SELECT 1 FROM events WHERE stream_id = $1 AND schema_version = 1
           AND type IN ('PersonRegistered', 'PersonUpdated')
           AND (data ? 'displayName' OR data ? 'email' OR data ? 'phone') LIMIT 1`,
        [personStreamId(personId)],
      );
      if (rows.length > 0) {
        throw new DirectoryStateError(
          'clear_text_in_log',
          `person ${personId} was recorded before personal fields were encrypted; their name ` +
            'and e-mail are in the log in clear and cannot be erased by destroying a key',
        );
      }
      return { kind: 'ErasePerson' as const, personId, reason };
    };
    return this.writer.write(personDecider, personStreamId(personId), command, meta);
  }

  /**
   * Decided on the delegator's stream. The delegate's row is read FOR SHARE in the same
   * transaction, so a deactivation of the delegate cannot commit in between.
   */
  async grantDelegation(
    input: GrantDelegationInput,
    meta: DirectoryCommandMeta,
  ): Promise<{ delegationId: string } & DirectoryWriteResult> {
    const delegationId = input.delegationId ?? newDirectoryId(meta, 'delegation');
    const { fromPerson, toPerson, startsAt, endsAt, reason } = input;
    const command = async (tx: PoolClient) => ({
      kind: 'GrantDelegation' as const,
      delegationId,
      fromPerson,
      toPerson,
      delegate: await this.delegate(toPerson, tx),
      startsAt,
      endsAt,
      ...(reason !== undefined && { reason }),
    });
    const result = await this.writer.write(
      personDecider,
      personStreamId(fromPerson),
      command,
      meta,
    );
    return { delegationId, ...result };
  }

  async endDelegation(
    delegationId: string,
    meta: DirectoryCommandMeta,
  ): Promise<{ delegationId: string } & DirectoryWriteResult> {
    const delegation = await this.people.delegation(delegationId);
    if (!delegation) throw new DirectoryNotFoundError('delegation', delegationId);
    const { fromPerson } = delegation;
    const result = await this.writer.write(
      personDecider,
      personStreamId(fromPerson),
      { kind: 'EndDelegation', fromPerson, delegationId },
      meta,
    );
    return { delegationId, ...result };
  }

  registerAgency(input: RegisterAgencyInput, meta: DirectoryCommandMeta) {
    const { code, name, kind, liaisonAgency } = input;
    return this.writer.write(
      agencyDecider,
      agencyStreamId(code),
      {
        kind: 'RegisterAgency',
        code,
        name,
        agencyKind: kind,
        ...(liaisonAgency !== undefined && { liaisonAgency }),
      },
      meta,
    );
  }

  /**
   * A deactivation counts the agency's active people in the transaction (it needs none). The
   * agency's row is locked first, and a person joining an agency locks it for share, so the two
   * take turns: the count includes whoever joined, or the joiner finds the agency inactive.
   */
  updateAgency(code: string, changes: UpdateAgencyInput, meta: DirectoryCommandMeta) {
    const command = async (tx: PoolClient) => {
      if (changes.active !== false) return { kind: 'UpdateAgency' as const, code, ...changes };
      await lockAgency(tx, code, 'FOR UPDATE');
      const activePeople = await this.people.activeIn(code, tx);
      return { kind: 'UpdateAgency' as const, code, ...changes, activePeople };
    };
    return this.writer.write(agencyDecider, agencyStreamId(code), command, meta);
  }

  private async delegate(personId: string, tx: PoolClient): Promise<DelegateSnapshot | undefined> {
    const person = await this.people.byId(personId, tx, { lock: true });
    return person && { personId: person.id, agency: person.agency, active: person.active };
  }
}

/** Locks an agency's row (if any) so that joining it and deactivating it take turns. */
async function lockAgency(
  tx: PoolClient,
  code: string,
  mode: 'FOR SHARE' | 'FOR UPDATE',
): Promise<void> {
  if (typeof code !== 'string') return;
  await tx.query(`SELECT 1 FROM agencies WHERE code = $1 ${mode}`, [code]);
}
