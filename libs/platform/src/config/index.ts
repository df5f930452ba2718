export * from './env';
export * from './config';
export * from './redis-topology';
