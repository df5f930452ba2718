export * from './config';
export * from './database';
export * from './nest';
export * from './auth';
export * from './http';
export * from './logging';
export * from './metrics';
export * from './batching';
