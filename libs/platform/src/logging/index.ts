export * from './liaison-logger';
export * from './logger.module';
export * from './request-ids';
export * from './request-log';
