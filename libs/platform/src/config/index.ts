export * from './config';
export * from './redis-topology';
