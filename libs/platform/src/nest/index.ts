export * from './platform.module';
export * from './tokens';
export * from './redis';
