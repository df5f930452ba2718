export * from './worker-heartbeats';
export * from './dependency-check';
