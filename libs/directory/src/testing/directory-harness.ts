import { Pool } from 'pg';
import { EventStore } from '@liaison/event-store';
import { DirectoryCommandMeta } from '../commands/directory-command-meta';
import { DirectoryCommands, RegisterPersonInput } from '../commands/directory-commands';
import { DirectoryWriter } from '../commands/directory-writer';
import { PeopleReader } from '../reading/people-reader';
import { PersonRole } from '../domain';

/** The directory's services over a pool, wired as DirectoryModule wires them. */
export function directoryOn(pool: Pool) {
  const store = new EventStore(pool);
  const writer = new DirectoryWriter(pool, store);
  const people = new PeopleReader(pool);
  return { store, writer, people, commands: new DirectoryCommands(writer, people) };
}

export const adminMeta = (id = 'admin-1'): DirectoryCommandMeta => ({
  actor: { id, role: 'admin' },
  correlationId: `spec-${Math.random().toString(36).slice(2)}`,
});

export const personMeta = (id: string, agency = 'KISA'): DirectoryCommandMeta => ({
  actor: { id, role: 'agency_officer', agency },
  correlationId: `spec-${Math.random().toString(36).slice(2)}`,
});

let counter = 0;

/** A person's registration with a login of its own (specs share one database). */
export function newPerson(
  overrides: Partial<RegisterPersonInput> & { roles?: PersonRole[] } = {},
): RegisterPersonInput {
  counter += 1;
  const login = `p${Date.now().toString(36)}${counter}.${Math.random().toString(36).slice(2, 6)}`;
  return {
    login,
    displayName: { ko: '김민지', en: 'Kim Minji' },
    email: `${login}@kisa.example`,
    agency: 'KISA',
    roles: ['agency_officer'],
    ...overrides,
  };
}
