/** The directory domain's public surface (test helpers under ./testing stay out of it). */
export * from './decider';
export * from './directory.errors';
export * from './events';
export * from './policy';
export * from './validation';
export * from './agency/agency.decider';
export * from './person/person.commands';
export * from './person/person.state';
export * from './person/person.decider';
