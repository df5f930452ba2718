export * from './counterpart-request.events';
export * from './counterpart-request.commands';
export * from './counterpart-request.state';
export * from './counterpart-request.decider';
export * from './counterpart.errors';
