export * from './retention';
export * from './record.events';
export * from './record.commands';
export * from './record.errors';
export * from './record.state';
export * from './record.decider';
